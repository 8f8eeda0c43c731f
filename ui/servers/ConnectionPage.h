// ConnectionPage: the add-server wizard's first step, how Fleetdeck reaches the server over SSH (name,
// host, port, user, key / agent / password). Checked with lib/domain's validation before Next.
#pragma once

#include "core/Result.h"
#include "domain/Server.h"

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace fleetdeck::ui {

class AddServerWizard;

class ConnectionPage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit ConnectionPage(AddServerWizard *wizard);
    void load(const Server &s);

    // The connection as typed (no fingerprint yet).
    Server server() const;
    bool validatePage() override;
    QWidget *widgetFor(const QString &field) const;
    void showError(const Error &e);

private:
    void updateAuthFields();
    void onBrowseClicked();

    AddServerWizard *m_wizard;
    QLineEdit *m_name, *m_host, *m_user, *m_identity, *m_passphrase, *m_password;
    QSpinBox *m_port;
    QRadioButton *m_keyRadio, *m_agentRadio, *m_passwordRadio;
    QPushButton *m_browse;
    QWidget *m_keyLabel = nullptr, *m_passphraseLabel = nullptr, *m_passwordLabel = nullptr;
    QLabel *m_error;
    bool m_nameTouched = false;
};

} // namespace fleetdeck::ui
