// HttpConnection: request framing, responses and event streams on one socket.
#include "api/HttpConnection.h"

#include <QTimer>

namespace fleetdeck::api {

HttpConnection::HttpConnection(QTcpSocket *socket, qint64 maxBodyBytes, RequestHandler onRequest, QObject *parent)
    : QObject(parent), m_socket(socket), m_parser(maxBodyBytes), m_onRequest(std::move(onRequest))
{
    socket->setParent(this);
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::readRequests);
    connect(socket, &QTcpSocket::disconnected, this, &HttpConnection::finish);
    readRequests();
}

void HttpConnection::finish()
{
    Q_EMIT closed();
    deleteLater();
}

void HttpConnection::readRequests()
{
    if (!m_socket || m_streaming)
        return;
    if (m_discarding) {
        m_socket->readAll();
        return;
    }
    m_buffer += m_socket->readAll();
    if (m_busy || m_buffer.isEmpty())
        return;
    switch (m_parser.feed(m_buffer)) {
    case HttpRequestParser::State::NeedMore:
        return;
    case HttpRequestParser::State::Failed:
        // The rest of the stream cannot be framed: answer, then drop what the client still sends until
        // it closes (closing at once with unread data would reset the connection before it read the
        // answer); a client that never closes is closed after a grace period.
        m_busy = true;
        m_keepAlive = false;
        m_discarding = true;
        m_buffer.clear();
        m_socket->write(m_parser.failure().serialize(false));
        QTimer::singleShot(5000, this, [this] {
            if (m_socket)
                m_socket->disconnectFromHost();
        });
        return;
    case HttpRequestParser::State::Complete: {
        HttpRequest request = m_parser.take();
        m_busy = true;
        m_keepAlive = request.keepAlive;
        m_onRequest(this, std::move(request));
        return;
    }
    }
}

void HttpConnection::respond(const HttpResponse &response)
{
    if (!m_socket || !m_busy)
        return;
    m_socket->write(response.serialize(m_keepAlive));
    m_busy = false;
    if (!m_keepAlive) {
        m_socket->disconnectFromHost();
        return;
    }
    readRequests();   // a request that arrived meanwhile
}

void HttpConnection::beginEventStream()
{
    if (!m_socket)
        return;
    m_streaming = true;
    m_socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                    "Connection: close\r\n\r\n");
}

void HttpConnection::sendEvent(const QByteArray &event, const QByteArray &data)
{
    if (!m_socket || !m_streaming)
        return;
    QByteArray out;
    if (!event.isEmpty())
        out += "event: " + event + '\n';
    for (const QByteArray &line : data.split('\n'))
        out += "data: " + line + '\n';
    out += '\n';
    m_socket->write(out);
}

void HttpConnection::endEventStream()
{
    if (m_socket)
        m_socket->disconnectFromHost();
}

} // namespace fleetdeck::api
