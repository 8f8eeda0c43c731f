// HttpMessage: request parsing with size caps, response serialisation.
#include "api/HttpMessage.h"

#include "api/ApiJson.h"

#include <QUrl>

namespace fleetdeck::api {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 422: return "Unprocessable Entity";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 504: return "Gateway Timeout";
    default: return "Status";
    }
}

QByteArray HttpResponse::serialize(bool keepAlive) const
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    if (!contentType.isEmpty())
        out += "Content-Type: " + contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    out += "\r\n";
    out += body;
    return out;
}

HttpRequestParser::State HttpRequestParser::fail(int status, const QString &message)
{
    m_failure = errorResponse(status, QStringLiteral("bad_request"), message);
    return State::Failed;
}

HttpRequestParser::State HttpRequestParser::parseHead(const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1."))
        return fail(400, QStringLiteral("malformed request line"));
    m_request = {};
    m_request.method = requestLine.at(0);
    const QUrl url(QString::fromLatin1(requestLine.at(1)));
    if (!url.isValid() || !requestLine.at(1).startsWith('/'))
        return fail(400, QStringLiteral("malformed request target"));
    m_request.path = url.path(QUrl::FullyDecoded);
    m_request.query = QUrlQuery(url.query(QUrl::FullyEncoded));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return fail(400, QStringLiteral("malformed header line"));
        m_request.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    const QByteArray connection = m_request.header("connection").toLower();
    m_request.keepAlive = requestLine.at(2) == "HTTP/1.1" ? connection != "close" : connection == "keep-alive";
    if (!m_request.header("transfer-encoding").isEmpty()) {
        m_failure = errorResponse(411, QStringLiteral("length_required"), QStringLiteral("send the body with a Content-Length"));
        return State::Failed;
    }
    m_bodyLength = 0;
    if (m_request.headers.contains("content-length")) {
        bool ok = false;
        m_bodyLength = m_request.header("content-length").toLongLong(&ok);
        if (!ok || m_bodyLength < 0)
            return fail(400, QStringLiteral("malformed Content-Length"));
    }
    if (m_bodyLength > m_maxBody) {
        m_failure = errorResponse(413, QStringLiteral("payload_too_large"),
                                  QStringLiteral("the body is %1 bytes; at most %2 are accepted").arg(m_bodyLength).arg(m_maxBody));
        return State::Failed;
    }
    m_haveHead = true;
    return State::NeedMore;
}

HttpRequestParser::State HttpRequestParser::feed(QByteArray &buffer)
{
    if (!m_haveHead) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            if (buffer.size() > m_maxHeader) {
                m_failure = errorResponse(431, QStringLiteral("headers_too_large"), QStringLiteral("the request head is too large"));
                return State::Failed;
            }
            return State::NeedMore;
        }
        if (end > m_maxHeader) {
            m_failure = errorResponse(431, QStringLiteral("headers_too_large"), QStringLiteral("the request head is too large"));
            return State::Failed;
        }
        const QByteArray head = buffer.left(end);
        buffer.remove(0, end + 4);
        if (parseHead(head) == State::Failed)
            return State::Failed;
    }
    if (buffer.size() < m_bodyLength)
        return State::NeedMore;
    m_request.body = buffer.left(m_bodyLength);
    buffer.remove(0, m_bodyLength);
    m_haveHead = false;
    return State::Complete;
}

} // namespace fleetdeck::api
