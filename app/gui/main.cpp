// fleetdeck: the desktop console.
#include "main/MainWindow.h"

#include "remote/TransportPool.h"
#include "store/Database.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("fleetdeck"));
    QApplication::setApplicationDisplayName(QStringLiteral("Fleetdeck"));
    QApplication::setApplicationVersion(QStringLiteral(FLEETDECK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.fleetdeck.Fleetdeck"));

    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("fleetdeck"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Deploy and run applications on Docker, Swarm and Kubernetes."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("Store to use (default: $FLEETDECK_DB or the XDG data folder)."),
                                QStringLiteral("PATH"));
    parser.addOption(db);
    parser.process(app);

    fleetdeck::ui::MainWindow window(parser.isSet(db) ? parser.value(db) : fleetdeck::Database::defaultPath());
    window.show();
    const int code = QApplication::exec();
    // The window is gone: ending the SSH sessions may now take a moment without freezing anything.
    fleetdeck::TransportPool::instance().shutdown();
    return code;
}
