// HttpMessage: the HTTP/1.1 request the API server parsed and the response it writes back, and the
// incremental parser that caps the header and the body before reading them (413 without buffering).
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QUrlQuery>

#include <utility>

namespace fleetdeck::api {

struct HttpRequest {
    QByteArray method;                       // "GET"
    QString path;                            // decoded, without the query
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers;   // names in lower case
    QByteArray body;
    bool keepAlive = true;

    QByteArray header(const QByteArray &lowerCaseName) const { return headers.value(lowerCaseName); }
};

struct HttpResponse {
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;   // extra headers (Allow, WWW-Authenticate...)

    // Status line, headers (Content-Length, Connection) and body.
    QByteArray serialize(bool keepAlive) const;
};

QByteArray reasonPhrase(int status);

class HttpRequestParser
{
public:
    enum class State { NeedMore, Complete, Failed };

    explicit HttpRequestParser(qint64 maxBodyBytes, qint64 maxHeaderBytes = 16 * 1024)
        : m_maxBody(maxBodyBytes), m_maxHeader(maxHeaderBytes) {}

    // Consumes a request from the front of `buffer` when it is all there. After Failed, the
    // connection answers failure() and closes (the rest of the stream cannot be trusted).
    State feed(QByteArray &buffer);
    HttpRequest take() { return std::move(m_request); }
    const HttpResponse &failure() const { return m_failure; }

private:
    State fail(int status, const QString &message);
    State parseHead(const QByteArray &head);

    qint64 m_maxBody;
    qint64 m_maxHeader;
    bool m_haveHead = false;
    qint64 m_bodyLength = 0;
    HttpRequest m_request;
    HttpResponse m_failure;
};

} // namespace fleetdeck::api
