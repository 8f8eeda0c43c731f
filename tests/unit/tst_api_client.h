// A REST API client for the API tests: real HTTP over loopback through QNetworkAccessManager (one
// manager per client, so concurrent clients really hold separate connections), waiting on signals.
#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslError>

#include <memory>

namespace fleetdeck::test {

struct ApiAnswer {
    int status = 0;                // 0: no HTTP answer (see error)
    QByteArray body;
    QString error;
    QHash<QByteArray, QByteArray> headers;   // lower-case names
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
    // For QVERIFY2 messages.
    QByteArray describe() const { return QByteArray::number(status) + ' ' + body.left(400) + ' ' + error.toUtf8(); }
};

class ApiClient
{
public:
    ApiClient(QString baseUrl, QString token) : m_base(std::move(baseUrl)), m_token(std::move(token)) {}

    void setToken(const QString &token) { m_token = token; }
    void acceptSelfSigned() { m_acceptSelfSigned = true; }

    QNetworkReply *start(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        QNetworkRequest request(QUrl(m_base + path));
        if (!m_token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
        if (!body.isEmpty() || method == "PATCH" || method == "POST")
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = m_manager.sendCustomRequest(request, method, body);
        if (m_acceptSelfSigned)
            QObject::connect(reply, &QNetworkReply::sslErrors, reply, [reply](const QList<QSslError> &) { reply->ignoreSslErrors(); });
        return reply;
    }

    static ApiAnswer finish(QNetworkReply *reply, int timeoutMs = 60000)
    {
        if (!reply->isFinished()) {
            QSignalSpy done(reply, &QNetworkReply::finished);
            done.wait(timeoutMs);
        }
        ApiAnswer a;
        a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        a.body = reply->readAll();
        if (reply->error() != QNetworkReply::NoError && a.status == 0)
            a.error = reply->errorString();
        for (const auto &[name, value] : reply->rawHeaderPairs())
            a.headers.insert(name.toLower(), value);
        reply->deleteLater();
        return a;
    }

    ApiAnswer call(const QByteArray &method, const QString &path, const QByteArray &body = {}, int timeoutMs = 60000)
    {
        return finish(start(method, path, body), timeoutMs);
    }
    ApiAnswer get(const QString &path) { return call("GET", path); }

private:
    QString m_base;
    QString m_token;
    bool m_acceptSelfSigned = false;
    QNetworkAccessManager m_manager;
};

} // namespace fleetdeck::test
