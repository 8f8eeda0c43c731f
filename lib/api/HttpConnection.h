// HttpConnection: one client socket of the API server: reads requests one at a time (keep-alive),
// hands each to the server, writes its response; or, for a log follow, keeps the connection as an
// event stream (text/event-stream, ended by closing) until the follow ends or the client leaves.
#pragma once

#include "api/HttpMessage.h"

#include <QObject>
#include <QPointer>
#include <QTcpSocket>

#include <functional>

namespace fleetdeck::api {

class HttpConnection final : public QObject
{
    Q_OBJECT
public:
    using RequestHandler = std::function<void(HttpConnection *, HttpRequest)>;

    HttpConnection(QTcpSocket *socket, qint64 maxBodyBytes, RequestHandler onRequest, QObject *parent);

    // Answers the request being handled; reads the next one (or closes when the client asked to).
    void respond(const HttpResponse &response);
    // Turns the connection into a server-sent event stream: headers now, then events, then close.
    void beginEventStream();
    void sendEvent(const QByteArray &event, const QByteArray &data);
    void endEventStream();

Q_SIGNALS:
    void closed();   // the client went away (a stream's owner stops its follow)

private:
    void readRequests();
    void finish();

    QPointer<QTcpSocket> m_socket;
    HttpRequestParser m_parser;
    RequestHandler m_onRequest;
    QByteArray m_buffer;
    bool m_busy = false;        // a request is being handled: the next waits in m_buffer
    bool m_keepAlive = true;
    bool m_streaming = false;
    bool m_discarding = false;  // after a request that could not be framed
};

} // namespace fleetdeck::api
