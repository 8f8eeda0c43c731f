// ApiServer: the REST API over HTTP/1.1 (or HTTPS with a given certificate and key), on 127.0.0.1 by
// default. Built on QTcpServer/QSslServer rather than Qt HTTP Server: in Qt 6.4 (a technical preview)
// that one buffers any request body before a handler sees it (no 413 before reading) and has no
// streaming response (chunked writing came in 6.8), both of which the API needs.
//
// Sockets live on the thread that owns the server (it needs an event loop); every request's work
// (token check, SQL, SSH) runs on the server's pool, so one slow call never blocks another client.
#pragma once

#include "core/Result.h"

#include <QHostAddress>
#include <QObject>
#include <QThreadPool>

#include <memory>

class QTcpServer;

namespace fleetdeck {
class OperationsService;
class Store;
}

namespace fleetdeck::api {

class ApiRequestHandler;
class HttpConnection;
struct ApiReply;
struct HttpRequest;

struct ApiServerOptions {
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8787;                 // 0: any free port
    QString certificateFile;             // both set: HTTPS
    QString keyFile;
    qint64 maxBodyBytes = 256 * 1024;    // larger bodies: 413
    int workers = 8;
};

class ApiServer final : public QObject
{
    Q_OBJECT
public:
    ApiServer(std::shared_ptr<Store> store, ApiServerOptions options, QObject *parent = nullptr);
    ~ApiServer() override;

    Status start();
    quint16 port() const;
    bool isTls() const { return !m_options.certificateFile.isEmpty(); }
    QString url() const;   // "http://127.0.0.1:8787"
    OperationsService &operations() { return *m_operations; }

    // 127.0.0.0/8 and ::1: anything else is reachable from the network (the CLI warns).
    static bool isLoopback(const QHostAddress &address);

private:
    void accept();
    void dispatch(HttpConnection *connection, HttpRequest request);
    void deliver(HttpConnection *connection, const ApiReply &reply);

    std::shared_ptr<Store> m_store;
    ApiServerOptions m_options;
    std::unique_ptr<OperationsService> m_operations;
    std::unique_ptr<ApiRequestHandler> m_handler;
    QThreadPool m_pool;
    QTcpServer *m_server = nullptr;
};

} // namespace fleetdeck::api
