#include "servers/ConnectionPage.h"

#include "domain/Validation.h"
#include "servers/AddServerWizard.h"
#include "widgets/FieldHighlight.h"
#include "servers/WizardLabels.h"

#include <QButtonGroup>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace fleetdeck::ui {

ConnectionPage::ConnectionPage(AddServerWizard *wizard) : m_wizard(wizard)
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

void ConnectionPage::load(const Server &s)
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

Server ConnectionPage::server() const
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

bool ConnectionPage::validatePage()
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

QWidget *ConnectionPage::widgetFor(const QString &field) const
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

void ConnectionPage::showError(const Error &e)
{
    markInvalid(widgetFor(e.field), e.toString());
    m_error->setText(e.toString());
    m_error->show();
}

void ConnectionPage::updateAuthFields()
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

void ConnectionPage::onBrowseClicked()
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

} // namespace fleetdeck::ui
