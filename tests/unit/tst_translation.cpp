// Messages built in lib are translatable: with a translator installed, a validation reason comes out in
// the user's language (the "fleetdeck::validation" context of core/Translate.h), .arg() still filled in.
#include "domain/Validation.h"

#include <QCoreApplication>
#include <QFile>
#include <QTest>
#include <QTranslator>

using namespace fleetdeck;

namespace {

// A German translator built in code: answers only the validation context, like a loaded .qm would.
class GermanValidation : public QTranslator
{
public:
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        if (qstrcmp(context, "fleetdeck::validation") != 0)
            return {};
        if (qstrcmp(sourceText, "is required") == 0)
            return QStringLiteral("ist erforderlich");
        if (qstrcmp(sourceText, "'%1' is longer than 63 characters") == 0)
            return QStringLiteral("'%1' ist länger als 63 Zeichen");
        return {};
    }
    bool isEmpty() const override { return false; }
};

} // namespace

class TestTranslation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void englishWithoutTranslator()
    {
        const Status s = validate::kubernetesName(QStringLiteral("name"), QString());
        QVERIFY(!s);
        QCOMPARE(s.error().message, QStringLiteral("is required"));
    }

    void validationReasonIsTranslated()
    {
        GermanValidation german;
        QVERIFY(QCoreApplication::installTranslator(&german));
        const Status empty = validate::kubernetesName(QStringLiteral("name"), QString());
        const Status longName = validate::kubernetesName(QStringLiteral("name"), QString(64, QLatin1Char('a')));
        QCoreApplication::removeTranslator(&german);

        QVERIFY(!empty);
        QCOMPARE(empty.error().message, QStringLiteral("ist erforderlich"));
        QCOMPARE(empty.error().field, QStringLiteral("name")); // field names are identifiers: never translated
        QVERIFY(!longName);
        QCOMPARE(longName.error().message, QStringLiteral("'%1' ist länger als 63 Zeichen").arg(QString(64, QLatin1Char('a'))));
    }

    void lupdateExtractsLibMessages()
    {
        // app/CMakeLists.txt hands lupdate lib/: the refreshed catalogue holds the validation context.
        QFile ts(qEnvironmentVariable("FLEETDECK_SOURCE_DIR") + QStringLiteral("/translations/fleetdeck_de.ts"));
        QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
        const QByteArray text = ts.readAll();
        QVERIFY(text.contains("<name>fleetdeck::validation</name>"));
        QVERIFY(text.contains("<source>is required</source>"));
    }
};

QTEST_GUILESS_MAIN(TestTranslation)
#include "tst_translation.moc"
