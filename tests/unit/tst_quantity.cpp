// CPU and memory quantities: Docker <-> Kubernetes conversions and rejected input.
#include "domain/Quantity.h"

#include <QTest>

using namespace fleetdeck;

class TestQuantity : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cpu_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<qint64>("millicores");
        QTest::addColumn<QString>("docker");
        QTest::addColumn<QString>("kubernetes");
        QTest::newRow("half") << "0.5" << qint64(500) << "0.5" << "500m";
        QTest::newRow("two") << "2" << qint64(2000) << "2" << "2";
        QTest::newRow("millicores") << "250m" << qint64(250) << "0.25" << "250m";
        QTest::newRow("1.5") << "1.5" << qint64(1500) << "1.5" << "1500m";
        QTest::newRow("smallest") << "0.001" << qint64(1) << "0.001" << "1m";
        QTest::newRow("spaces") << " 1 " << qint64(1000) << "1" << "1";
        QTest::newRow("1000m") << "1000m" << qint64(1000) << "1" << "1";
    }
    void cpu()
    {
        QFETCH(QString, input);
        QFETCH(qint64, millicores);
        QFETCH(QString, docker);
        QFETCH(QString, kubernetes);
        auto parsed = parseCpu(input);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
        QCOMPARE(*parsed, millicores);
        QCOMPARE(cpuToDocker(*parsed), docker);
        QCOMPARE(cpuToKubernetes(*parsed), kubernetes);
    }
    void badCpu_data()
    {
        QTest::addColumn<QString>("input");
        for (const char *bad : {"", "abc", "-1", "0", "0.0001", "1.2.3", "5x", "500 m", "0m", "1e3", "1025", "2000000m"})
            QTest::newRow(bad) << QString::fromLatin1(bad);
    }
    void badCpu()
    {
        QFETCH(QString, input);
        auto parsed = parseCpu(input, QStringLiteral("limits.cpu"));
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().kind, ErrorKind::Invalid);
        QCOMPARE(parsed.error().field, QStringLiteral("limits.cpu"));
    }
    void memory_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<QString>("docker");
        QTest::addColumn<QString>("kubernetes");
        const qint64 mi = 1024 * 1024;
        QTest::newRow("512m") << "512m" << 512 * mi << "512m" << "512Mi";
        QTest::newRow("512Mi") << "512Mi" << 512 * mi << "512m" << "512Mi";
        QTest::newRow("1g") << "1g" << 1024 * mi << "1g" << "1Gi";
        QTest::newRow("2Gi") << "2Gi" << 2048 * mi << "2g" << "2Gi";
        QTest::newRow("1536m") << "1536m" << 1536 * mi << "1536m" << "1536Mi";
        QTest::newRow("bytes") << "10485760" << 10 * mi << "10m" << "10Mi";
        QTest::newRow("k") << "7340032k" << 7168 * mi << "7g" << "7Gi";
        QTest::newRow("odd bytes") << "6291457" << 6 * mi + 1 << "6291457" << "6291457";
        QTest::newRow("1Ti") << "1Ti" << 1024 * 1024 * mi << "1024g" << "1Ti";
    }
    void memory()
    {
        QFETCH(QString, input);
        QFETCH(qint64, bytes);
        QFETCH(QString, docker);
        QFETCH(QString, kubernetes);
        auto parsed = parseMemory(input);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
        QCOMPARE(*parsed, bytes);
        QCOMPARE(memoryToDocker(*parsed), docker);
        QCOMPARE(memoryToKubernetes(*parsed), kubernetes);
    }
    void badMemory_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("empty") << "" << "not a memory quantity";
        QTest::newRow("words") << "lots" << "not a memory quantity";
        QTest::newRow("negative") << "-5m" << "not a memory quantity";
        QTest::newRow("fraction") << "0.5g" << "not a memory quantity";
        QTest::newRow("ambiguous M") << "512M" << "ambiguous";
        QTest::newRow("ambiguous G") << "1G" << "ambiguous";
        QTest::newRow("too small") << "1m" << "6 MiB";
        QTest::newRow("unit typo") << "512mb" << "not a memory quantity";
        QTest::newRow("huge") << "999999999999g" << "16 TiB";
    }
    void badMemory()
    {
        QFETCH(QString, input);
        QFETCH(QString, mentions);
        auto parsed = parseMemory(input, QStringLiteral("limits.memory"));
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().field, QStringLiteral("limits.memory"));
        QVERIFY2(parsed.error().message.contains(mentions), qPrintable(parsed.error().message));
    }
};

QTEST_GUILESS_MAIN(TestQuantity)
#include "tst_quantity.moc"
