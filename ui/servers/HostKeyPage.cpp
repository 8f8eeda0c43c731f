#include "servers/HostKeyPage.h"

#include "async/Async.h"
#include "servers/AddServerWizard.h"
#include "servers/WizardLabels.h"
#include "services/ServerService.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace fleetdeck::ui {

HostKeyPage::HostKeyPage(AddServerWizard *wizard) : m_wizard(wizard)
{
    setTitle(tr("Host key"));
    setSubTitle(tr("Make sure this is your server: compare the fingerprint with the one the server shows "
                   "(run <code>ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub</code> on it)."));
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("hostKeyStatus"));
    m_status->setWordWrap(true);
    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("connectProgress"));
    m_progress->setAccessibleName(tr("Connecting"));
    m_progress->setRange(0, 0);
    m_progress->setMaximumHeight(10);
    m_progress->setTextVisible(false);

    m_fingerprint = new QLabel;
    m_fingerprint->setObjectName(QStringLiteral("hostKeyFingerprint"));
    m_fingerprint->setAccessibleName(tr("Host key fingerprint"));
    m_fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_fingerprint->setFocusPolicy(Qt::StrongFocus);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(mono.pointSizeF() * 1.15);
    m_fingerprint->setFont(mono);
    m_fingerprint->setStyleSheet(QStringLiteral("QLabel { padding: 10px; border: 1px solid palette(mid); border-radius: 4px; }"));
    m_fingerprint->hide();

    m_changed = new QLabel;
    m_changed->setObjectName(QStringLiteral("hostKeyChangedWarning"));
    m_changed->setAccessibleName(tr("Warning: the host key changed"));
    m_changed->setWordWrap(true);
    m_changed->setTextFormat(Qt::RichText);
    m_changed->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_changed->setStyleSheet(QStringLiteral("QLabel { color: #82071e; background: #ffebe9; border: 2px solid #cf222e; "
                                            "padding: 10px; border-radius: 4px; }"));
    m_changed->hide();

    m_trust = new QCheckBox(tr("I compared this fingerprint with the server's: &trust this host key"));
    m_trust->setObjectName(QStringLiteral("trustKeyCheck"));
    m_trust->hide();
    m_replace = new QCheckBox(tr("I know why the key changed (the server was reinstalled): &replace the trusted key"));
    m_replace->setObjectName(QStringLiteral("replaceKeyCheck"));
    m_replace->hide();

    m_error = errorLabel(QStringLiteral("hostKeyError"));
    m_retry = new QPushButton(tr("&Retry"));
    m_retry->setObjectName(QStringLiteral("retryConnect"));
    m_retry->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(m_changed);
    layout->addWidget(m_fingerprint);
    layout->addWidget(m_trust);
    layout->addWidget(m_replace);
    layout->addWidget(m_error);
    layout->addWidget(m_retry, 0, Qt::AlignLeft);
    layout->addStretch();

    connect(m_trust, &QCheckBox::toggled, this, &QWizardPage::completeChanged);
    connect(m_replace, &QCheckBox::toggled, this, &QWizardPage::completeChanged);
    connect(m_retry, &QPushButton::clicked, this, &HostKeyPage::fetch);
}

bool HostKeyPage::isComplete() const
{
    if (m_offered.isEmpty() || m_busy)
        return false;
    const QString known = m_wizard->knownFingerprint();
    if (known.isEmpty())
        return m_trust->isChecked();
    return known == m_offered || m_replace->isChecked();
}

void HostKeyPage::fetch()
{
    const Server server = m_wizard->candidate();
    const quint64 generation = ++m_generation;
    m_busy = true;
    m_offered.clear();
    for (QWidget *w : {static_cast<QWidget *>(m_fingerprint), static_cast<QWidget *>(m_changed), static_cast<QWidget *>(m_trust),
                       static_cast<QWidget *>(m_replace), static_cast<QWidget *>(m_error), static_cast<QWidget *>(m_retry)})
        w->hide();
    m_trust->setChecked(false);
    m_replace->setChecked(false);
    m_status->setText(tr("Connecting to %1:%2 and reading its host key…").arg(server.host).arg(server.port));
    m_progress->show();
    Q_EMIT completeChanged();
    auto service = m_wizard->m_service;
    runNetworkAsync(
        this, [service, server] { return service->fetchHostKey(server, 10000); },
        [this, generation](const Result<HostKeyOffer> &result) {
            if (generation != m_generation)
                return;
            m_busy = false;
            m_progress->hide();
            if (!result) {
                m_status->setText(tr("Could not read the host key."));
                m_error->setText(result.error().toString());
                m_error->show();
                m_retry->show();
                Q_EMIT completeChanged();
                Q_EMIT m_wizard->fingerprintFetched(QString());
                return;
            }
            showFingerprint(result->fingerprint, result->keyType);
        });
}

void HostKeyPage::showFingerprint(const QString &fp, const QString &type)
{
    m_offered = fp;
    const QString known = m_wizard->knownFingerprint();
    m_fingerprint->setText(QStringLiteral("%1  %2").arg(type.isEmpty() ? tr("key") : type, fp));
    m_fingerprint->show();
    if (known.isEmpty()) {
        m_status->setText(tr("The server offered this host key. Fleetdeck has never seen it:"));
        m_trust->show();
        m_trust->setFocus();
    } else if (known == fp) {
        m_status->setText(tr("The server offered the host key trusted before. ✔"));
    } else {
        m_status->setText(tr("The server offered a different host key. Nothing was sent to it."));
        m_changed->setText(tr("<b>WARNING: the host key of %1 has CHANGED.</b><br>"
                              "Trusted before: <code>%2</code><br>Offered now: <code>%3</code><br>"
                              "This can mean that someone is intercepting the connection. Do not continue unless you "
                              "know why the key changed.")
                               .arg(m_wizard->candidate().host.toHtmlEscaped(), known, fp));
        m_changed->show();
        m_replace->show();
        m_changed->setFocus();
    }
    Q_EMIT completeChanged();
    Q_EMIT m_wizard->fingerprintFetched(fp);
}

} // namespace fleetdeck::ui
