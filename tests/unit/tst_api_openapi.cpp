// The OpenAPI document and the server agree: every route the server answers is documented (method
// and path), every documented operation answers over HTTP (not the router's 404/405), the served
// document is docs/api/openapi.json byte for byte, and every PATCH field the API reads is described.
#include "tst_api_client.h"

#include "api/ApiEndpoints.h"
#include "api/ApiRoutes.h"
#include "api/ApiServer.h"
#include "api/ApiTokens.h"
#include "api/ApplicationPatchJson.h"

#include "TestEnvironment.h"

#include <QFile>
#include <QSet>
#include <QTest>

using namespace fleetdeck;
using fleetdeck::test::ApiAnswer;
using fleetdeck::test::ApiClient;

namespace {
const QStringList kMethods = {QStringLiteral("get"), QStringLiteral("put"), QStringLiteral("post"), QStringLiteral("patch"),
                              QStringLiteral("delete"), QStringLiteral("head"), QStringLiteral("options")};

QSet<QString> documentedOperations(const QJsonObject &doc)
{
    QSet<QString> out;
    const QJsonObject paths = doc.value(QLatin1String("paths")).toObject();
    for (auto it = paths.begin(); it != paths.end(); ++it)
        for (const QString &m : kMethods)
            if (it.value().toObject().contains(m))
                out.insert(m.toUpper() + u' ' + it.key());
    return out;
}

QSet<QString> servedOperations()
{
    QSet<QString> out;
    for (const api::ApiRoute &r : api::apiRoutes())
        out.insert(QString::fromLatin1(r.method) + u' ' + r.path);
    return out;
}
} // namespace

class TestApiOpenApi : public QObject
{
    Q_OBJECT
    QJsonObject m_doc;

private Q_SLOTS:
    void initTestCase()
    {
        test::isolateEnvironment();
        const QString source = qEnvironmentVariable("FLEETDECK_SOURCE_DIR");
        QVERIFY2(!source.isEmpty(), "FLEETDECK_SOURCE_DIR is not set (run the test through ctest)");
        QFile f(source + QStringLiteral("/docs/api/openapi.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QJsonParseError error;
        m_doc = QJsonDocument::fromJson(text, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(api::openApiDocument(), text);   // the compiled-in copy is the file (rebuild after editing)
        QVERIFY(m_doc.value(QLatin1String("openapi")).toString().startsWith(QLatin1String("3.")));
    }

    void everyServedRouteIsDocumentedAndBack()
    {
        const QSet<QString> documented = documentedOperations(m_doc);
        const QSet<QString> served = servedOperations();
        QStringList undocumented = (served - documented).values();
        QStringList unserved = (documented - served).values();
        undocumented.sort();
        unserved.sort();
        QVERIFY2(undocumented.isEmpty(), qPrintable(QStringLiteral("served but not documented: ") + undocumented.join(QStringLiteral(", "))));
        QVERIFY2(unserved.isEmpty(), qPrintable(QStringLiteral("documented but not served: ") + unserved.join(QStringLiteral(", "))));
        QCOMPARE(served.size(), api::apiRoutes().size());   // no route twice
    }

    void everyDocumentedOperationAnswersOverHttp()
    {
        test::TempStore temp;
        auto token = api::createToken(*temp.store, QStringLiteral("docs"), false);
        QVERIFY(token.ok());
        api::ApiServerOptions o;
        o.port = 0;
        api::ApiServer server(temp.store, o);
        QVERIFY(server.start().ok());
        ApiClient c(server.url(), token->token);
        const QSet<QString> documented = documentedOperations(m_doc);
        QVERIFY(!documented.isEmpty());
        for (const QString &op : documented) {
            const QByteArray method = op.section(u' ', 0, 0).toLatin1();
            // An id nothing has: every operation answers (404 "not_found" at worst) without touching a server.
            QString path = op.section(u' ', 1);
            path.replace(QLatin1String("{uuid}"), QLatin1String("00000000-0000-0000-0000-000000000000"));
            path.replace(QLatin1String("{id}"), QLatin1String("424242"));
            const QByteArray body = method == "PATCH" ? QByteArray(path.endsWith(QLatin1String("/scale")) ? R"({"replicas":1})" : R"({"image":"nginx:1"})")
                                                      : QByteArray();
            const ApiAnswer a = c.call(method, path, body);
            QVERIFY2(a.status != 0 && a.status != 405, qPrintable(op + u' ' + QString::fromUtf8(a.describe())));
            QVERIFY2(a.json().value(QLatin1String("error")).toString() != QLatin1String("no_route"), qPrintable(op));
            // Every documented status: the answer's status is one the document lists for the operation.
            const QJsonObject responses = m_doc.value(QLatin1String("paths")).toObject().value(op.section(u' ', 1)).toObject()
                                              .value(QString::fromLatin1(method).toLower()).toObject().value(QLatin1String("responses")).toObject();
            QVERIFY2(responses.contains(QString::number(a.status)), qPrintable(op + QStringLiteral(" answered undocumented ") + QString::number(a.status)));
        }
        // The document is served as it is kept.
        const ApiAnswer served = c.get(QStringLiteral("/api/v1/openapi.json"));
        QCOMPARE(served.status, 200);
        QCOMPARE(served.body, api::openApiDocument());
    }

    void everyPatchFieldIsDocumented()
    {
        const QJsonObject schema = m_doc.value(QLatin1String("components")).toObject().value(QLatin1String("schemas")).toObject()
                                       .value(QLatin1String("ApplicationPatch")).toObject().value(QLatin1String("properties")).toObject();
        QStringList read = api::patchableApplicationFields();
        QStringList documented = schema.keys();
        read.sort();
        documented.sort();
        QCOMPARE(documented, read);
    }
};

QTEST_GUILESS_MAIN(TestApiOpenApi)
#include "tst_api_openapi.moc"
