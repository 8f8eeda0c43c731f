#include "servers/AddServerWizard.h"

#include "async/Async.h"
#include "domain/Validation.h"
#include "kubeconfig/ServerChecks.h"
#include "remote/SshTransport.h"
#include "servers/FieldHighlight.h"
#include "store/Repositories.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace fleetdeck::ui {

namespace {

QLabel *errorLabel(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setStyleSheet(QStringLiteral("QLabel { color: #82071e; background: #ffebe9; padding: 6px; border-radius: 3px; }"));
    label->hide();
    return label;
}

QLabel *valueLabel(const QString &objectName, const QString &accessibleName)
{
    auto *label = new QLabel(QStringLiteral("—"));
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

int comboIndexOf(Orchestrator o)
{
    return o == Orchestrator::Swarm ? 1 : o == Orchestrator::Kubernetes ? 2 : 0;
}

} // namespace

// ---------------------------------------------------------------- page 1

class ConnectionPage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit ConnectionPage(AddServerWizard *wizard) : m_wizard(wizard)
    {
        setTitle(tr("Connection"));
        setSubTitle(tr("How Fleetdeck reaches the server over SSH. Nothing is stored before the last step."));

        m_name = new QLineEdit;
        m_name->setObjectName(QStringLiteral("serverName"));
        m_name->setAccessibleName(tr("Server name"));
        m_name->setPlaceholderText(tr("web-1"));
        m_host = new QLineEdit;
        m_host->setObjectName(QStringLiteral("serverHost"));
        m_host->setAccessibleName(tr("Host name or IP address"));
        m_host->setPlaceholderText(tr("203.0.113.10 or web-1.example.com"));
        m_port = new QSpinBox;
        m_port->setObjectName(QStringLiteral("serverPort"));
        m_port->setAccessibleName(tr("SSH port"));
        m_port->setRange(1, 65535);
        m_port->setValue(22);
        m_user = new QLineEdit(QStringLiteral("root"));
        m_user->setObjectName(QStringLiteral("serverUser"));
        m_user->setAccessibleName(tr("SSH user"));

        m_keyRadio = new QRadioButton(tr("Key fi&le"));
        m_keyRadio->setObjectName(QStringLiteral("authKey"));
        m_agentRadio = new QRadioButton(tr("SSH a&gent"));
        m_agentRadio->setObjectName(QStringLiteral("authAgent"));
        m_passwordRadio = new QRadioButton(tr("Pass&word"));
        m_passwordRadio->setObjectName(QStringLiteral("authPassword"));
        auto *authGroup = new QButtonGroup(this);
        authGroup->addButton(m_keyRadio, int(AuthMethod::Key));
        authGroup->addButton(m_agentRadio, int(AuthMethod::Agent));
        authGroup->addButton(m_passwordRadio, int(AuthMethod::Password));
        m_keyRadio->setChecked(true);
        auto *authRow = new QHBoxLayout;
        authRow->addWidget(m_keyRadio);
        authRow->addWidget(m_agentRadio);
        authRow->addWidget(m_passwordRadio);
        authRow->addStretch();

        m_identity = new QLineEdit;
        m_identity->setObjectName(QStringLiteral("identityFile"));
        m_identity->setAccessibleName(tr("Private key file"));
        m_identity->setPlaceholderText(QStringLiteral("~/.ssh/id_ed25519"));
        const QString defaultKey = QStandardPaths::writableLocation(QStandardPaths::HomeLocation) + QStringLiteral("/.ssh/id_ed25519");
        if (QFileInfo::exists(defaultKey))
            m_identity->setText(defaultKey);
        m_browse = new QPushButton(tr("Br&owse…"));
        m_browse->setObjectName(QStringLiteral("browseIdentity"));
        m_browse->setAccessibleName(tr("Choose the private key file"));
        auto *keyRow = new QHBoxLayout;
        keyRow->addWidget(m_identity, 1);
        keyRow->addWidget(m_browse);
        m_passphrase = new QLineEdit;
        m_passphrase->setObjectName(QStringLiteral("keyPassphrase"));
        m_passphrase->setAccessibleName(tr("Key passphrase"));
        m_passphrase->setEchoMode(QLineEdit::Password);
        m_passphrase->setPlaceholderText(tr("only if the key is protected"));
        m_password = new QLineEdit;
        m_password->setObjectName(QStringLiteral("serverPassword"));
        m_password->setAccessibleName(tr("SSH password"));
        m_password->setEchoMode(QLineEdit::Password);

        auto *form = new QFormLayout;
        form->addRow(tr("N&ame:"), m_name);
        form->addRow(tr("&Host:"), m_host);
        form->addRow(tr("&Port:"), m_port);
        form->addRow(tr("&User:"), m_user);
        auto *authLabel = new QLabel(tr("Authentication:"));
        authLabel->setBuddy(m_keyRadio);
        form->addRow(authLabel, authRow);
        auto *keyLabel = new QLabel(tr("Private &key:"));
        keyLabel->setBuddy(m_identity);
        form->addRow(keyLabel, keyRow);
        form->addRow(tr("Passph&rase:"), m_passphrase);
        form->addRow(tr("Pa&ssword:"), m_password);
        m_keyLabel = keyLabel;
        m_passphraseLabel = form->labelForField(m_passphrase);
        m_passwordLabel = form->labelForField(m_password);

        m_error = errorLabel(QStringLiteral("connectionError"));
        auto *layout = new QVBoxLayout(this);
        layout->addLayout(form);
        layout->addStretch();
        layout->addWidget(m_error);

        setTabOrder(m_name, m_host);
        setTabOrder(m_host, m_port);
        setTabOrder(m_port, m_user);
        setTabOrder(m_user, m_keyRadio);
        setTabOrder(m_keyRadio, m_identity);
        setTabOrder(m_identity, m_browse);
        setTabOrder(m_browse, m_passphrase);
        setTabOrder(m_passphrase, m_password);

        connect(authGroup, &QButtonGroup::idToggled, this, [this](int, bool) { updateAuthFields(); });
        connect(m_browse, &QPushButton::clicked, this, &ConnectionPage::onBrowseClicked);
        for (QLineEdit *edit : {m_name, m_host, m_user, m_identity, m_password})
            connect(edit, &QLineEdit::textEdited, this, [edit] { clearInvalid(edit); });
        connect(m_host, &QLineEdit::textEdited, this, [this](const QString &host) {
            // The name follows the host until the user types one.
            if (!m_nameTouched)
                m_name->setText(host.section(QLatin1Char('.'), 0, 0));
        });
        connect(m_name, &QLineEdit::textEdited, this, [this] { m_nameTouched = true; });
        updateAuthFields();
        registerField(QStringLiteral("host*"), m_host);
    }

    void load(const Server &s)
    {
        m_nameTouched = true;
        m_name->setText(s.name);
        m_host->setText(s.host);
        m_port->setValue(s.port);
        m_user->setText(s.user);
        m_identity->setText(s.identityFile);
        (s.auth == AuthMethod::Agent ? m_agentRadio : s.auth == AuthMethod::Password ? m_passwordRadio : m_keyRadio)->setChecked(true);
        if (s.auth == AuthMethod::Password)
            m_password->setText(s.secret);
        else if (s.auth == AuthMethod::Key)
            m_passphrase->setText(s.secret);
    }

    // The connection as typed (no fingerprint yet).
    Server server() const
    {
        Server s = m_wizard->m_existing.value_or(Server{});
        s.name = m_name->text().trimmed();
        s.host = m_host->text().trimmed();
        s.port = m_port->value();
        s.user = m_user->text().trimmed();
        s.auth = m_passwordRadio->isChecked() ? AuthMethod::Password : m_agentRadio->isChecked() ? AuthMethod::Agent : AuthMethod::Key;
        QString identity = m_identity->text().trimmed();
        if (identity.startsWith(QLatin1String("~/")))
            identity = QStandardPaths::writableLocation(QStandardPaths::HomeLocation) + identity.mid(1);
        s.identityFile = s.auth == AuthMethod::Key ? identity : QString();
        s.secret = s.auth == AuthMethod::Password ? m_password->text() : s.auth == AuthMethod::Key ? m_passphrase->text() : QString();
        s.isLocal = false;
        return s;
    }

    bool validatePage() override
    {
        const Server s = server();
        QList<Error> problems = validate::serverProblems(s);
        for (const Server &other : m_wizard->m_known)
            if (other.name == s.name && other.id != s.id)
                problems.prepend(Error::invalid(QStringLiteral("name"), tr("'%1' is already the name of another server").arg(s.name)));
        if (s.auth == AuthMethod::Key && !s.identityFile.isEmpty() && !QFileInfo(s.identityFile).isReadable())
            problems.append(Error::invalid(QStringLiteral("identity"), tr("%1 does not exist or cannot be read").arg(s.identityFile)));
        // Fingerprint and settings problems are not this page's business.
        problems.erase(std::remove_if(problems.begin(), problems.end(), [this](const Error &e) { return !widgetFor(e.field); }),
                       problems.end());
        if (problems.isEmpty()) {
            m_error->hide();
            return true;
        }
        for (auto it = problems.rbegin(); it != problems.rend(); ++it)
            markInvalid(widgetFor(it->field), it->toString());
        m_error->setText(problems.first().toString());
        m_error->show();
        return false;
    }

    QWidget *widgetFor(const QString &field) const
    {
        if (field == QLatin1String("name")) return m_name;
        if (field == QLatin1String("host")) return m_host;
        if (field == QLatin1String("port")) return m_port;
        if (field == QLatin1String("user")) return m_user;
        if (field == QLatin1String("identity") || field == QLatin1String("identityFile")) return m_identity;
        if (field == QLatin1String("password")) return m_password;
        if (field == QLatin1String("secret")) return m_passwordRadio->isChecked() ? m_password : m_passphrase;
        return nullptr;
    }

    void showError(const Error &e)
    {
        markInvalid(widgetFor(e.field), e.toString());
        m_error->setText(e.toString());
        m_error->show();
    }

private:
    void updateAuthFields()
    {
        const bool key = m_keyRadio->isChecked();
        const bool password = m_passwordRadio->isChecked();
        for (QWidget *w : {static_cast<QWidget *>(m_identity), static_cast<QWidget *>(m_browse), static_cast<QWidget *>(m_passphrase),
                           m_keyLabel, m_passphraseLabel})
            if (w)
                w->setVisible(key);
        m_password->setVisible(password);
        if (m_passwordLabel)
            m_passwordLabel->setVisible(password);
    }

    void onBrowseClicked()
    {
        // Non-blocking: the dialog reports through a signal (no nested event loop).
        auto *dialog = new QFileDialog(this, tr("Private key file"),
                                       QStandardPaths::writableLocation(QStandardPaths::HomeLocation) + QStringLiteral("/.ssh"));
        dialog->setObjectName(QStringLiteral("identityFileDialog"));
        dialog->setFileMode(QFileDialog::ExistingFile);
        dialog->setFilter(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &file) {
            m_identity->setText(file);
            clearInvalid(m_identity);
        });
        dialog->open();
    }

    AddServerWizard *m_wizard;
    QLineEdit *m_name, *m_host, *m_user, *m_identity, *m_passphrase, *m_password;
    QSpinBox *m_port;
    QRadioButton *m_keyRadio, *m_agentRadio, *m_passwordRadio;
    QPushButton *m_browse;
    QWidget *m_keyLabel = nullptr, *m_passphraseLabel = nullptr, *m_passwordLabel = nullptr;
    QLabel *m_error;
    bool m_nameTouched = false;
};

// ---------------------------------------------------------------- page 2

class HostKeyPage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit HostKeyPage(AddServerWizard *wizard) : m_wizard(wizard)
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

    void initializePage() override { fetch(); }
    void cleanupPage() override { ++m_generation; }

    bool isComplete() const override
    {
        if (m_offered.isEmpty() || m_busy)
            return false;
        const QString known = m_wizard->knownFingerprint();
        if (known.isEmpty())
            return m_trust->isChecked();
        return known == m_offered || m_replace->isChecked();
    }

    QString offered() const { return m_offered; }

private:
    void fetch()
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
        runNetworkAsync(
            this,
            [server] {
                QString type;
                Result<QString> fp = SshTransport::fetchHostKeyFingerprint(server, 10000, &type);
                return std::make_pair(fp, type);
            },
            [this, generation](const std::pair<Result<QString>, QString> &result) {
                if (generation != m_generation)
                    return;
                m_busy = false;
                m_progress->hide();
                if (!result.first) {
                    m_status->setText(tr("Could not read the host key."));
                    m_error->setText(result.first.error().toString());
                    m_error->show();
                    m_retry->show();
                    Q_EMIT completeChanged();
                    Q_EMIT m_wizard->fingerprintFetched(QString());
                    return;
                }
                showFingerprint(*result.first, result.second);
            });
    }

    void showFingerprint(const QString &fp, const QString &type)
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

    AddServerWizard *m_wizard;
    QLabel *m_status, *m_fingerprint, *m_changed, *m_error;
    QProgressBar *m_progress;
    QCheckBox *m_trust, *m_replace;
    QPushButton *m_retry;
    QString m_offered;
    bool m_busy = false;
    quint64 m_generation = 0;
};

// ---------------------------------------------------------------- page 3

class DetectionPage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit DetectionPage(AddServerWizard *wizard) : m_wizard(wizard)
    {
        setTitle(tr("Detection"));
        setSubTitle(tr("Fleetdeck logs in and looks at what the server runs."));
        m_status = new QLabel;
        m_status->setObjectName(QStringLiteral("detectionStatus"));
        m_status->setWordWrap(true);
        m_progress = new QProgressBar;
        m_progress->setObjectName(QStringLiteral("detectionProgress"));
        m_progress->setAccessibleName(tr("Detecting"));
        m_progress->setRange(0, 0);
        m_progress->setMaximumHeight(10);
        m_progress->setTextVisible(false);

        m_os = valueLabel(QStringLiteral("detectedOs"), tr("Operating system"));
        m_docker = valueLabel(QStringLiteral("detectedDocker"), tr("Docker"));
        m_swarm = valueLabel(QStringLiteral("detectedSwarm"), tr("Swarm"));
        m_kubectl = valueLabel(QStringLiteral("detectedKubectl"), tr("kubectl"));
        m_cluster = valueLabel(QStringLiteral("detectedCluster"), tr("Kubernetes cluster"));
        m_results = new QWidget;
        auto *form = new QFormLayout(m_results);
        form->addRow(tr("Operating system:"), m_os);
        form->addRow(tr("Docker:"), m_docker);
        form->addRow(tr("Swarm:"), m_swarm);
        form->addRow(tr("kubectl:"), m_kubectl);
        form->addRow(tr("Kubernetes:"), m_cluster);

        m_orchestrator = new QComboBox;
        m_orchestrator->setObjectName(QStringLiteral("proposedOrchestrator"));
        m_orchestrator->setAccessibleName(tr("Orchestrator"));
        m_orchestrator->addItem(tr("Standalone Docker"), int(Orchestrator::None));
        m_orchestrator->addItem(tr("Docker Swarm"), int(Orchestrator::Swarm));
        m_orchestrator->addItem(tr("Kubernetes"), int(Orchestrator::Kubernetes));
        m_reason = new QLabel;
        m_reason->setObjectName(QStringLiteral("proposalReason"));
        m_reason->setWordWrap(true);
        m_apply = new QCheckBox(tr("&Use the detected orchestrator settings"));
        m_apply->setObjectName(QStringLiteral("applyProposal"));
        auto *proposal = new QFormLayout;
        proposal->addRow(tr("&Orchestrator:"), m_orchestrator);
        proposal->addRow(QString(), m_reason);
        proposal->addRow(QString(), m_apply);
        m_proposalBox = new QFrame;
        m_proposalBox->setFrameShape(QFrame::StyledPanel);
        m_proposalBox->setLayout(proposal);

        m_error = errorLabel(QStringLiteral("detectionError"));
        m_retry = new QPushButton(tr("&Retry"));
        m_retry->setObjectName(QStringLiteral("retryDetection"));
        m_retry->hide();

        auto *layout = new QVBoxLayout(this);
        layout->addWidget(m_status);
        layout->addWidget(m_progress);
        layout->addWidget(m_results);
        layout->addWidget(m_proposalBox);
        layout->addWidget(m_error);
        layout->addWidget(m_retry, 0, Qt::AlignLeft);
        layout->addStretch();
        connect(m_retry, &QPushButton::clicked, this, &DetectionPage::run);
        connect(m_apply, &QCheckBox::toggled, m_orchestrator, &QWidget::setEnabled);
    }

    void initializePage() override { run(); }
    void cleanupPage() override { ++m_generation; }
    bool isComplete() const override { return m_connected && !m_busy && !m_wizard->m_saving; }

    bool applyProposal() const { return m_apply->isChecked(); }
    // The settings the proposal makes, with the orchestrator the user picked.
    ServerSettings settings(const ServerSettings &base) const
    {
        ServerSettings s = base;
        s.orchestrator = Orchestrator(m_orchestrator->currentData().toInt());
        if (m_detection) {
            const checks::Proposal &p = m_detection->proposal;
            s.swarmManager = p.swarmManager;
            s.swarmWorker = p.swarmWorker;
            if (s.orchestrator == Orchestrator::Swarm && !s.swarmManager && !s.swarmWorker)
                s.swarmManager = true;
            s.kubernetesMaster = p.kubernetesMaster;
            s.kubernetesWorker = p.kubernetesWorker;
            if (!m_detection->facts.kubernetesServerVersion.isEmpty())
                s.kubernetesVersion = m_detection->facts.kubernetesServerVersion;
        }
        return s;
    }

    void showSaveError(const QString &message)
    {
        m_error->setText(message);
        m_error->show();
        Q_EMIT completeChanged();
    }

private:
    void run()
    {
        Server server = m_wizard->candidate();
        const quint64 generation = ++m_generation;
        m_busy = true;
        m_connected = false;
        m_detection.reset();
        m_error->hide();
        m_retry->hide();
        m_results->hide();
        m_proposalBox->hide();
        m_progress->show();
        m_status->setText(tr("Logging in to %1@%2 …").arg(server.user, server.host));
        Q_EMIT completeChanged();
        const CancelToken cancel = m_wizard->cancelToken();
        runNetworkAsync(
            this,
            [server, cancel]() -> std::pair<Status, std::optional<checks::Detection>> {
                // A private transport: nothing is pooled for a server that is not stored yet.
                SshOptions options;
                auto transport = std::make_shared<SshTransport>(server, options);
                Status connected = transport->connect(cancel);
                if (!connected)
                    return {connected, std::nullopt};
                Result<checks::Detection> detection = checks::detect(*transport, server, cancel);
                if (!detection)
                    return {Status(detection.error()), std::nullopt};
                return {Status(), *detection};
            },
            [this, generation](const std::pair<Status, std::optional<checks::Detection>> &result) {
                if (generation != m_generation)
                    return;
                m_busy = false;
                m_progress->hide();
                if (!result.first) {
                    const Error &e = result.first.error();
                    m_status->setText(e.kind == ErrorKind::AuthFailed ? tr("Authentication failed: go Back and check the key or password.")
                                                                      : tr("Could not log in."));
                    m_error->setText(e.toString());
                    m_error->show();
                    m_retry->show();
                    if (e.kind == ErrorKind::AuthFailed)
                        m_wizard->m_connection->showError(e);
                    Q_EMIT completeChanged();
                    Q_EMIT m_wizard->detectionFinished(false);
                    return;
                }
                m_connected = true;
                m_detection = result.second;
                showDetection();
                Q_EMIT completeChanged();
                Q_EMIT m_wizard->detectionFinished(true);
            });
    }

    void showDetection()
    {
        const HostFacts &f = m_detection->facts;
        const QString absent = tr("not installed");
        m_os->setText(f.os.isEmpty() ? tr("unknown") : f.os);
        if (!f.dockerPresent)
            m_docker->setText(absent);
        else if (f.dockerEngineVersion.isEmpty())
            m_docker->setText(tr("client %1, engine not reachable: %2").arg(f.dockerClientVersion, f.dockerError));
        else
            m_docker->setText(tr("engine %1 (client %2)").arg(f.dockerEngineVersion, f.dockerClientVersion));
        m_swarm->setText(swarmStateName(f.swarm));
        m_kubectl->setText(f.kubectlPresent ? (f.kubectlClientVersion.isEmpty() ? tr("installed") : f.kubectlClientVersion) : absent);
        m_cluster->setText(!f.kubernetesServerVersion.isEmpty() ? (m_detection->nodes.size() == 1 ? tr("%1, 1 node") : tr("%1, %2 nodes").arg(QStringLiteral("%1")).arg(m_detection->nodes.size())).arg(f.kubernetesServerVersion)
                           : f.kubectlPresent ? tr("no cluster answered: %1").arg(f.kubectlError)
                                              : tr("—"));
        m_orchestrator->setCurrentIndex(comboIndexOf(m_detection->proposal.orchestrator));
        m_reason->setText(tr("Proposed because %1.").arg(m_detection->proposal.reason));
        // Adding: the proposal applies unless changed. Editing: the stored settings stay unless asked.
        m_apply->setVisible(m_wizard->isEditing());
        m_apply->setChecked(!m_wizard->isEditing());
        m_orchestrator->setEnabled(!m_wizard->isEditing());
        m_status->setText(tr("Logged in as %1. Found:").arg(m_wizard->candidate().user));
        m_results->show();
        m_proposalBox->show();
    }

    AddServerWizard *m_wizard;
    QLabel *m_status, *m_os, *m_docker, *m_swarm, *m_kubectl, *m_cluster, *m_reason, *m_error;
    QProgressBar *m_progress;
    QWidget *m_results;
    QFrame *m_proposalBox;
    QComboBox *m_orchestrator;
    QCheckBox *m_apply;
    QPushButton *m_retry;
    std::optional<checks::Detection> m_detection;
    bool m_busy = false;
    bool m_connected = false;
    quint64 m_generation = 0;
};

// ---------------------------------------------------------------- wizard

AddServerWizard::AddServerWizard(std::shared_ptr<Store> store, const QList<Server> &known, QWidget *parent)
    : QWizard(parent), m_store(std::move(store)), m_known(known)
{
    setObjectName(QStringLiteral("addServerWizard"));
    setWindowTitle(tr("Add server"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setMinimumSize(640, 480);
    m_connection = new ConnectionPage(this);
    m_hostKey = new HostKeyPage(this);
    m_detection = new DetectionPage(this);
    setPage(Connection, m_connection);
    setPage(HostKey, m_hostKey);
    setPage(Detection, m_detection);
    button(QWizard::FinishButton)->setObjectName(QStringLiteral("wizardFinish"));
    button(QWizard::NextButton)->setObjectName(QStringLiteral("wizardNext"));
    button(QWizard::BackButton)->setObjectName(QStringLiteral("wizardBack"));
}

AddServerWizard::~AddServerWizard()
{
    m_cancel.cancel();
}

void AddServerWizard::setExisting(const Server &server)
{
    m_existing = server;
    setWindowTitle(tr("Edit server %1").arg(server.name));
    m_connection->load(server);
}

QString AddServerWizard::knownFingerprint() const
{
    if (m_existing)
        return m_existing->hostKeyFingerprint;
    const Server c = m_connection->server();
    for (const Server &s : m_known)
        if (!s.isLocal && s.host.compare(c.host, Qt::CaseInsensitive) == 0 && s.port == c.port && !s.hostKeyFingerprint.isEmpty())
            return s.hostKeyFingerprint;
    return {};
}

Server AddServerWizard::candidate() const
{
    Server s = m_connection->server();
    if (!m_hostKey->offered().isEmpty())
        s.hostKeyFingerprint = m_hostKey->offered();
    return s;
}

void AddServerWizard::accept()
{
    if (m_saving || !m_store)
        return;
    Server s = candidate();
    const bool apply = m_detection->applyProposal();
    if (apply)
        s.settings = m_detection->settings(s.settings);
    m_saving = true;
    Q_EMIT m_detection->completeChanged();
    auto store = m_store;
    const bool editing = isEditing();
    runAsync(
        this,
        [store, s, editing, apply]() -> Result<Server> {
            if (!editing)
                return store->addServer(s);
            // Only the connection (and, when asked, the orchestrator) changes; the rest is re-read.
            Result<Server> current = store->server(s.id);
            if (!current)
                return current.error();
            Server updated = *current;
            updated.name = s.name;
            updated.host = s.host;
            updated.port = s.port;
            updated.user = s.user;
            updated.auth = s.auth;
            updated.identityFile = s.identityFile;
            updated.secret = s.secret;
            updated.hostKeyFingerprint = s.hostKeyFingerprint;
            if (apply) {
                const QString kubeconfig = updated.settings.kubeconfig;
                const QString context = updated.settings.kubeContext;
                updated.settings = s.settings;
                updated.settings.kubeconfig = kubeconfig;
                updated.settings.kubeContext = context;
            }
            if (Status st = store->updateServer(updated); !st)
                return st.error();
            return store->server(s.id);
        },
        [this](const Result<Server> &saved) {
            m_saving = false;
            if (!saved) {
                m_detection->showSaveError(tr("Not saved: %1").arg(saved.error().toString()));
                Q_EMIT saveFailed(saved.error().toString());
                return;
            }
            Q_EMIT serverSaved(*saved);
            QWizard::accept();
        });
}

void AddServerWizard::reject()
{
    m_cancel.cancel();
    QWizard::reject();
}

} // namespace fleetdeck::ui

#include "AddServerWizard.moc"
