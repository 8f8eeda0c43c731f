// HostKeyPage: the add-server wizard's second step, the host key the server offers, to confirm by
// comparing it (a key that differs from the one trusted before is a blocking warning showing both).
#pragma once

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace fleetdeck::ui {

class AddServerWizard;

class HostKeyPage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit HostKeyPage(AddServerWizard *wizard);

    void initializePage() override { fetch(); }
    void cleanupPage() override { ++m_generation; }

    bool isComplete() const override;

    QString offered() const { return m_offered; }

private:
    void fetch();
    void showFingerprint(const QString &fp, const QString &type);

    AddServerWizard *m_wizard;
    QLabel *m_status, *m_fingerprint, *m_changed, *m_error;
    QProgressBar *m_progress;
    QCheckBox *m_trust, *m_replace;
    QPushButton *m_retry;
    QString m_offered;
    bool m_busy = false;
    quint64 m_generation = 0;
};

} // namespace fleetdeck::ui
