// ApiServer: listening, connections, and handing requests to the pool and replies back.
#include "api/ApiServer.h"

#include "api/ApiJson.h"
#include "api/ApiRequestHandler.h"
#include "api/HttpConnection.h"
#include "services/Operations.h"

#include <QFile>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QtConcurrent>

namespace fleetdeck::api {

ApiServer::ApiServer(std::shared_ptr<Store> store, ApiServerOptions options, QObject *parent)
    : QObject(parent), m_store(std::move(store)), m_options(std::move(options))
{
    m_operations = std::make_unique<OperationsService>(m_store);
    m_handler = std::make_unique<ApiRequestHandler>(m_store, *m_operations);
    m_pool.setMaxThreadCount(qMax(1, m_options.workers));
}

ApiServer::~ApiServer()
{
    if (m_server)
        m_server->close();
    // Connections (and the follows they own) go first; then no worker may still use the handler.
    qDeleteAll(findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly));
    m_pool.waitForDone();
}

bool ApiServer::isLoopback(const QHostAddress &address)
{
    return address.isLoopback();
}

quint16 ApiServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QString ApiServer::url() const
{
    const QHostAddress a = m_server ? m_server->serverAddress() : m_options.address;
    const QString host = a.protocol() == QAbstractSocket::IPv6Protocol ? QLatin1Char('[') + a.toString() + QLatin1Char(']') : a.toString();
    return QStringLiteral("%1://%2:%3").arg(isTls() ? QStringLiteral("https") : QStringLiteral("http"), host).arg(port());
}

Status ApiServer::start()
{
    if (m_options.certificateFile.isEmpty() != m_options.keyFile.isEmpty())
        return Error::invalid(m_options.keyFile.isEmpty() ? QStringLiteral("key") : QStringLiteral("cert"),
                              tr("HTTPS needs both a certificate (--cert) and its private key (--key)"));
    if (isTls()) {
        QFile certFile(m_options.certificateFile);
        QFile keyFile(m_options.keyFile);
        if (!certFile.open(QIODevice::ReadOnly))
            return Error::invalid(QStringLiteral("cert"), tr("cannot read %1: %2").arg(certFile.fileName(), certFile.errorString()));
        if (!keyFile.open(QIODevice::ReadOnly))
            return Error::invalid(QStringLiteral("key"), tr("cannot read %1: %2").arg(keyFile.fileName(), keyFile.errorString()));
        const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
        if (chain.isEmpty())
            return Error::invalid(QStringLiteral("cert"), tr("%1 holds no PEM certificate").arg(certFile.fileName()));
        const QByteArray keyPem = keyFile.readAll();
        QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
        if (key.isNull())
            return Error::invalid(QStringLiteral("key"), tr("%1 holds no unencrypted PEM RSA or EC private key").arg(keyFile.fileName()));
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificateChain(chain);
        config.setPrivateKey(key);
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        auto *ssl = new QSslServer(this);
        ssl->setSslConfiguration(config);
        m_server = ssl;
    } else {
        m_server = new QTcpServer(this);
    }
    if (!m_server->listen(m_options.address, m_options.port))
        return Error::make(ErrorKind::Unreachable, tr("cannot listen on %1:%2: %3")
                                                       .arg(m_options.address.toString()).arg(m_options.port).arg(m_server->errorString()));
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &ApiServer::accept);
    return {};
}

void ApiServer::accept()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        new HttpConnection(socket, m_options.maxBodyBytes,
                           [this](HttpConnection *c, HttpRequest r) { dispatch(c, std::move(r)); }, this);
    }
}

void ApiServer::dispatch(HttpConnection *connection, HttpRequest request)
{
    // The watcher is the connection's child: a client that left drops its reply with it.
    auto *watcher = new QFutureWatcher<ApiReply>(connection);
    connect(watcher, &QFutureWatcher<ApiReply>::finished, connection, [this, watcher, connection] {
        deliver(connection, watcher->result());
        watcher->deleteLater();
    });
    ApiRequestHandler *handler = m_handler.get();
    watcher->setFuture(QtConcurrent::run(&m_pool, [handler, request] { return handler->handle(request); }));
}

void ApiServer::deliver(HttpConnection *connection, const ApiReply &reply)
{
    if (!reply.follow) {
        connection->respond(reply.response);
        return;
    }
    // A log follow: the stream object lives here (it signals in this thread) and ends with the connection.
    std::unique_ptr<LogFollow> follow = m_operations->followLogs(reply.follow->applicationId, reply.follow->options, 100);
    LogFollow *f = follow.release();
    f->setParent(connection);
    connection->beginEventStream();
    connect(f, &LogFollow::started, connection, [connection](int replicas) {
        connection->sendEvent("started", QJsonDocument(QJsonObject{{QStringLiteral("replicas"), replicas}}).toJson(QJsonDocument::Compact));
    });
    connect(f, &LogFollow::linesReceived, connection, [connection](const QList<LogLine> &lines) {
        for (const LogLine &l : lines)
            connection->sendEvent("line", QJsonDocument(logLineJson(l)).toJson(QJsonDocument::Compact));
    });
    connect(f, &LogFollow::finished, connection, [connection](bool ok, const Error &error) {
        QJsonObject end{{QStringLiteral("ok"), ok}};
        if (!ok)
            end.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("error"), errorKindName(error.kind)},
                                                             {QStringLiteral("message"), error.toString()}});
        connection->sendEvent("end", QJsonDocument(end).toJson(QJsonDocument::Compact));
        connection->endEventStream();
    });
    connect(connection, &HttpConnection::closed, f, &LogFollow::cancel);
}

} // namespace fleetdeck::api
