// KubeconfigEditor: edits one server's kubeconfig. YAML highlighting, live validation while typing
// (debounced, parsed on the thread pool, errors with line and column marked in the gutter), context
// and namespace pickers filled from the file, load from / export to a file, save to the store (where
// it is sealed), and Test: a real call to the cluster through the server's transport.
#pragma once

#include "domain/Server.h"
#include "kubeconfig/Kubeconfig.h"
#include "remote/RemoteCommand.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTimer;

namespace fleetdeck {
class ServerService;
}

namespace fleetdeck::ui {

class CheckReportView;
class CodeEditor;

class KubeconfigEditor final : public QWidget
{
    Q_OBJECT
public:
    explicit KubeconfigEditor(QWidget *parent = nullptr);
    ~KubeconfigEditor() override;

    void setService(std::shared_ptr<ServerService> service);
    void setServer(const Server &server);
    const Server &server() const { return m_server; }

    QString text() const;
    void setText(const QString &text);        // as if loaded: validation follows
    QString selectedContext() const;
    QString selectedNamespace() const;
    const kubeconfig::CheckResult &lastCheck() const { return m_check; }
    bool isValidationPending() const;
    bool isModified() const;
    CodeEditor *editor() const { return m_editor; }
    CheckReportView *report() const { return m_report; }

public Q_SLOTS:
    void loadFile(const QString &path);
    void exportFile(const QString &path);
    void save();
    void testCluster();
    void validateNow();

Q_SIGNALS:
    void validated(bool ok);
    void fileLoaded(bool ok);
    void saved(const fleetdeck::Server &server);
    void saveRejected(const QString &reason);
    void clusterTested(bool ok);
    void namespacesFound(const QStringList &namespaces);

private:
    void buildUi();
    void onTextChanged();
    void applyCheck(const kubeconfig::CheckResult &result);
    void fillPickers(const kubeconfig::Kubeconfig &config);
    void onContextChosen();
    void showStatus(const QString &text, const QString &color);
    void onLoadClicked();
    void onExportClicked();

    std::shared_ptr<ServerService> m_service;
    Server m_server;
    ServerSettings m_loaded;   // what the editor was loaded from: Save sends only what changed since
    CancelToken m_cancel;

    CodeEditor *m_editor = nullptr;
    QObject *m_highlighter = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_status = nullptr;
    QListWidget *m_issues = nullptr;
    QComboBox *m_context = nullptr;
    QComboBox *m_namespace = nullptr;
    QPushButton *m_load = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_test = nullptr;
    QCheckBox *m_hideSecrets = nullptr;
    CheckReportView *m_report = nullptr;
    QTimer *m_debounce = nullptr;

    kubeconfig::CheckResult m_check;
    quint64 m_generation = 0;       // bumped by every edit
    quint64 m_checkedGeneration = 0;
    bool m_checkRunning = false;
    bool m_saveWhenChecked = false;
    bool m_saving = false;
    bool m_loadingPickers = false;
};

} // namespace fleetdeck::ui
