#include "kubeconfig/KubeconfigEditor.h"

#include "async/Async.h"
#include "domain/Validation.h"
#include "kubeconfig/CodeEditor.h"
#include "orchestrators/ConnectionReport.h"
#include "kubeconfig/YamlHighlighter.h"
#include "servers/CheckReportView.h"
#include "widgets/FieldHighlight.h"
#include "widgets/Shortcuts.h"
#include "services/ServerService.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSaveFile>
#include <QShortcut>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

namespace fleetdeck::ui {

namespace {

constexpr qint64 kMaxFileBytes = 8 * 1024 * 1024;
constexpr int kSmallDebounceMs = 250;
constexpr int kLargeDebounceMs = 600;
constexpr int kLargeDocument = 100 * 1024;

const QString kOk = QStringLiteral("#1a7f37");
const QString kError = QStringLiteral("#cf222e");
const QString kMuted = QString();

} // namespace

KubeconfigEditor::KubeconfigEditor(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("kubeconfigEditor"));
    buildUi();
    setEnabled(false);
}

KubeconfigEditor::~KubeconfigEditor()
{
    m_cancel.cancel();
}

void KubeconfigEditor::buildUi()
{
    m_title = new QLabel;
    m_title->setTextFormat(Qt::RichText);
    m_title->setWordWrap(true);

    m_editor = new CodeEditor;
    m_editor->setObjectName(QStringLiteral("kubeconfigText"));
    m_editor->setAccessibleName(tr("Kubeconfig"));
    m_editor->setAccessibleDescription(tr("YAML. Errors are marked in the margin with their line; F8 jumps to the next one."));
    m_editor->setPlaceholderText(tr("Paste a kubeconfig here or load one with Load… (Ctrl+O).\n"
                                    "Empty: kubectl on the server uses its own configuration."));
    m_highlighter = attachYamlHighlighter(m_editor->document());

    m_load = new QPushButton(tr("Load…"));
    m_load->setObjectName(QStringLiteral("loadKubeconfigButton"));
    bindShortcut(m_load, QKeySequence::Open);
    m_load->setToolTip(tr("Load a kubeconfig file (Ctrl+O)"));
    m_export = new QPushButton(tr("Export…"));
    m_export->setObjectName(QStringLiteral("exportKubeconfigButton"));
    m_export->setToolTip(tr("Write this kubeconfig to a file readable only by you (Ctrl+Shift+S)"));
    bindShortcut(m_export, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_save = new QPushButton(tr("Save"));
    m_save->setObjectName(QStringLiteral("saveKubeconfigButton"));
    bindShortcut(m_save, QKeySequence::Save);
    m_save->setToolTip(tr("Validate and store encrypted with the server (Ctrl+S)"));
    m_test = new QPushButton(tr("Test"));
    m_test->setObjectName(QStringLiteral("testClusterButton"));
    bindShortcut(m_test, QKeySequence(Qt::CTRL | Qt::Key_T));
    m_test->setToolTip(tr("Ask the cluster through this server: version, nodes, namespace, permissions (Ctrl+T)"));

    m_context = new QComboBox;
    m_context->setObjectName(QStringLiteral("contextCombo"));
    m_context->setAccessibleName(tr("Context"));
    m_context->setMinimumContentsLength(16);
    m_context->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_namespace = new QComboBox;
    m_namespace->setObjectName(QStringLiteral("kubeNamespaceCombo"));
    m_namespace->setAccessibleName(tr("Namespace"));
    m_namespace->setEditable(true);
    m_namespace->setInsertPolicy(QComboBox::NoInsert);
    m_namespace->setMinimumContentsLength(12);
    auto *contextLabel = new QLabel(tr("Con&text:"));
    contextLabel->setBuddy(m_context);
    auto *namespaceLabel = new QLabel(tr("&Namespace:"));
    namespaceLabel->setBuddy(m_namespace);

    m_hideSecrets = new QCheckBox(tr("Hide s&ecret values"));
    m_hideSecrets->setObjectName(QStringLiteral("hideSecretsCheck"));
    m_hideSecrets->setToolTip(tr("Paint client keys, tokens and passwords as bars (they stay editable)"));
    m_hideSecrets->setChecked(true);
    if (auto *builtin = qobject_cast<YamlHighlighter *>(m_highlighter))
        connect(m_hideSecrets, &QCheckBox::toggled, builtin, &YamlHighlighter::setSecretsHidden);
    else
        m_hideSecrets->hide();   // KSyntaxHighlighting draws its own theme

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_load);
    bar->addWidget(m_export);
    bar->addWidget(m_hideSecrets);
    bar->addSpacing(12);
    bar->addWidget(contextLabel);
    bar->addWidget(m_context, 1);
    bar->addWidget(namespaceLabel);
    bar->addWidget(m_namespace, 1);
    bar->addSpacing(12);
    bar->addWidget(m_test);
    bar->addWidget(m_save);

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("kubeconfigStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_issues = new QListWidget;
    m_issues->setObjectName(QStringLiteral("kubeconfigIssues"));
    m_issues->setAccessibleName(tr("Problems in the kubeconfig"));
    m_issues->setWordWrap(true);
    auto *validation = new QGroupBox(tr("Validation"));
    auto *validationLayout = new QVBoxLayout(validation);
    validationLayout->addWidget(m_status);
    validationLayout->addWidget(m_issues, 1);

    m_report = new CheckReportView;
    m_report->setObjectName(QStringLiteral("clusterReport"));
    m_report->setLines(tr("Test asks the cluster, through this server, for its version, nodes, namespace and permissions."), {});
    auto *test = new QGroupBox(tr("Cluster test"));
    auto *testLayout = new QVBoxLayout(test);
    testLayout->addWidget(m_report);

    auto *side = new QSplitter(Qt::Vertical);
    side->addWidget(validation);
    side->addWidget(test);
    auto *splitter = new QSplitter;
    splitter->addWidget(m_editor);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_title);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);

    setTabOrder(m_load, m_export);
    setTabOrder(m_export, m_context);
    setTabOrder(m_context, m_namespace);
    setTabOrder(m_namespace, m_test);
    setTabOrder(m_test, m_save);
    setTabOrder(m_save, m_editor);
    setTabOrder(m_editor, m_issues);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    connect(m_debounce, &QTimer::timeout, this, &KubeconfigEditor::validateNow);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &KubeconfigEditor::onTextChanged);
    connect(m_context, &QComboBox::activated, this, &KubeconfigEditor::onContextChosen);
    connect(m_namespace->lineEdit(), &QLineEdit::textEdited, this, [this] { clearInvalid(m_namespace); });
    connect(m_issues, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        if (item->data(Qt::UserRole).toInt() > 0)
            m_editor->goTo(item->data(Qt::UserRole).toInt(), item->data(Qt::UserRole + 1).toInt());
    });
    connect(m_load, &QPushButton::clicked, this, &KubeconfigEditor::onLoadClicked);
    connect(m_export, &QPushButton::clicked, this, &KubeconfigEditor::onExportClicked);
    connect(m_save, &QPushButton::clicked, this, &KubeconfigEditor::save);
    connect(m_test, &QPushButton::clicked, this, &KubeconfigEditor::testCluster);
    auto *nextIssue = new QShortcut(QKeySequence(Qt::Key_F8), this);
    nextIssue->setContext(Qt::WidgetWithChildrenShortcut);
    connect(nextIssue, &QShortcut::activated, this, [this] {
        const auto &marks = m_editor->marks();
        if (marks.isEmpty())
            return;
        auto it = marks.upperBound(m_editor->currentLine());
        if (it == marks.end())
            it = marks.begin();
        m_editor->goTo(it.key(), it->column);
    });
}

void KubeconfigEditor::setService(std::shared_ptr<ServerService> service)
{
    m_service = std::move(service);
}

void KubeconfigEditor::setServer(const Server &server)
{
    const bool other = server.id != m_server.id;
    m_server = server;
    setEnabled(server.id != 0);
    m_title->setText(tr("<h3>%1 — kubeconfig</h3><small>Stored encrypted with the server. Client keys and tokens are "
                        "never written to logs.</small>").arg(server.name.toHtmlEscaped()));
    // The same server refreshed: keep unsaved edits, and the cursor when the text is unchanged.
    if (!other && isModified())
        return;
    m_loaded = server.settings;
    if (!other && text() == server.settings.kubeconfig) {
        m_namespace->setEditText(server.settings.kubernetesNamespace);
        return;
    }
    clearInvalid(m_namespace);
    m_namespace->setEditText(server.settings.kubernetesNamespace);
    setText(server.settings.kubeconfig);
    m_editor->document()->setModified(false);
    if (other)
        m_report->setLines(tr("Test asks the cluster, through this server, for its version, nodes, namespace and permissions."), {});
}

QString KubeconfigEditor::text() const
{
    return m_editor->toPlainText();
}

void KubeconfigEditor::setText(const QString &text)
{
    m_editor->setPlainText(text);
    m_debounce->stop();
    validateNow();
}

QString KubeconfigEditor::selectedContext() const
{
    return m_context->currentData().toString();
}

QString KubeconfigEditor::selectedNamespace() const
{
    return m_namespace->currentText().trimmed();
}

bool KubeconfigEditor::isValidationPending() const
{
    return m_checkedGeneration != m_generation || m_checkRunning;
}

bool KubeconfigEditor::isModified() const
{
    return m_editor->document()->isModified();
}

void KubeconfigEditor::onTextChanged()
{
    ++m_generation;
    // Big files wait for a longer pause: the parse runs off the GUI thread, but there is no point
    // parsing a megabyte for every keystroke.
    m_debounce->start(m_editor->document()->characterCount() > kLargeDocument ? kLargeDebounceMs : kSmallDebounceMs);
}

void KubeconfigEditor::validateNow()
{
    m_debounce->stop();
    if (m_checkRunning)
        return;   // the running check re-runs when it sees the text changed meanwhile
    const QString text = m_editor->toPlainText();
    const quint64 generation = m_generation;
    if (text.trimmed().isEmpty()) {
        m_checkedGeneration = generation;
        kubeconfig::CheckResult empty;
        empty.syntaxOk = true;
        applyCheck(empty);
        return;
    }
    m_checkRunning = true;
    showStatus(tr("Checking…"), kMuted);
    runAsync(this, [text] { return kubeconfig::check(text); }, [this, generation](const kubeconfig::CheckResult &result) {
        m_checkRunning = false;
        if (generation != m_generation) {
            validateNow();   // edited while parsing: this result describes old text
            return;
        }
        m_checkedGeneration = generation;
        applyCheck(result);
    });
}

void KubeconfigEditor::applyCheck(const kubeconfig::CheckResult &result)
{
    m_check = result;
    const bool empty = m_editor->document()->isEmpty() || m_editor->toPlainText().trimmed().isEmpty();
    QMap<int, CodeEditor::Mark> marks;
    m_issues->clear();
    for (const kubeconfig::Issue &issue : result.issues) {
        const bool error = issue.severity == kubeconfig::Severity::Error;
        const QString text = issue.line > 0 ? tr("Line %1, column %2: %3").arg(issue.line).arg(issue.column).arg(issue.message)
                                            : issue.message;
        auto *item = new QListWidgetItem((error ? QStringLiteral("✖ ") : QStringLiteral("⚠ ")) + text, m_issues);
        item->setForeground(error ? QColor(0xcf, 0x22, 0x2e) : QColor(0x9a, 0x67, 0x00));
        item->setData(Qt::UserRole, issue.line);
        item->setData(Qt::UserRole + 1, issue.column);
        if (issue.line > 0 && (!marks.contains(issue.line) || (error && !marks.value(issue.line).error)))
            marks.insert(issue.line, CodeEditor::Mark{issue.column, issue.message, error});
    }
    if (result.issues.isEmpty() && !empty) {
        auto *item = new QListWidgetItem(tr("No problems found."), m_issues);
        item->setFlags(Qt::ItemIsEnabled);
    }
    m_editor->setMarks(marks);
    // A file that does not parse says nothing about its contexts: keep the pickers as they were.
    if (result.syntaxOk || empty)
        fillPickers(result.config);
    const bool ok = empty || result.ok();
    if (empty) {
        showStatus(tr("No kubeconfig: kubectl on the server uses its own configuration (~/.kube/config)."), kMuted);
    } else if (const kubeconfig::Issue *e = result.firstError()) {
        showStatus(e->line > 0 ? tr("✖ Line %1, column %2: %3").arg(e->line).arg(e->column).arg(e->message) : tr("✖ %1").arg(e->message),
                   kError);
    } else {
        const kubeconfig::Kubeconfig &k = result.config;
        const auto count = [](qsizetype n, const QString &one, const QString &many) { return (n == 1 ? one : many).arg(n); };
        QString text = tr("✔ Valid: %1, %2, %3")
                           .arg(count(k.contexts.size(), tr("%1 context"), tr("%1 contexts")),
                                count(k.clusters.size(), tr("%1 cluster"), tr("%1 clusters")),
                                count(k.users.size(), tr("%1 user"), tr("%1 users")));
        if (result.warningCount())
            text += tr(" — %1").arg(count(result.warningCount(), tr("%1 warning"), tr("%1 warnings")));
        showStatus(text, kOk);
    }
    Q_EMIT validated(ok);
    if (m_saveWhenChecked) {
        m_saveWhenChecked = false;
        save();
    }
}

void KubeconfigEditor::fillPickers(const kubeconfig::Kubeconfig &config)
{
    m_loadingPickers = true;
    const QString previous = selectedContext();
    m_context->clear();
    for (const kubeconfig::ContextEntry &c : config.contexts) {
        const QString label = c.name == config.currentContext ? tr("%1 (current)").arg(c.name) : c.name;
        m_context->addItem(label, c.name);
        m_context->setItemData(m_context->count() - 1, tr("cluster %1, user %2, namespace %3")
                                                            .arg(c.cluster, c.user.isEmpty() ? tr("none") : c.user,
                                                                 c.nameSpace.isEmpty() ? QStringLiteral("default") : c.nameSpace),
                               Qt::ToolTipRole);
    }
    // Keep the user's choice; else what the server stores; else the file's current-context.
    for (const QString &wanted : {previous, m_server.settings.kubeContext, config.currentContext}) {
        const int index = wanted.isEmpty() ? -1 : m_context->findData(wanted);
        if (index >= 0) {
            m_context->setCurrentIndex(index);
            break;
        }
    }
    const QString ns = m_namespace->currentText();
    m_namespace->clear();
    m_namespace->addItems(config.namespaces());
    m_namespace->setEditText(ns);
    m_loadingPickers = false;
}

void KubeconfigEditor::onContextChosen()
{
    if (m_loadingPickers)
        return;
    const kubeconfig::ContextEntry *c = m_check.config.context(selectedContext());
    if (c) {
        m_namespace->setEditText(c->nameSpace.isEmpty() ? QStringLiteral("default") : c->nameSpace);
        clearInvalid(m_namespace);
    }
}

void KubeconfigEditor::showStatus(const QString &text, const QString &color)
{
    m_status->setText(text);
    m_status->setAccessibleName(text);
    m_status->setStyleSheet(color.isEmpty() ? QString() : QStringLiteral("QLabel { color: %1; font-weight: bold; }").arg(color));
}

void KubeconfigEditor::save()
{
    if (m_saving || !m_service || m_server.id == 0)
        return;
    if (isValidationPending()) {
        m_saveWhenChecked = true;   // save right after the check of the current text
        validateNow();
        return;
    }
    const QString text = this->text();
    const bool empty = text.trimmed().isEmpty();
    if (!empty && !m_check.ok()) {
        const kubeconfig::Issue *e = m_check.firstError();
        const QString reason = e ? e->toString() : tr("the kubeconfig is not valid");
        showStatus(tr("✖ Not saved: %1").arg(reason), kError);
        if (e && e->line > 0)
            m_editor->goTo(e->line, e->column);
        Q_EMIT saveRejected(reason);
        return;
    }
    const QString ns = selectedNamespace();
    if (Status s = validate::kubernetesName(QStringLiteral("namespace"), ns); !s) {
        markInvalid(m_namespace, s.error().toString());
        showStatus(tr("✖ Not saved: %1").arg(s.error().toString()), kError);
        Q_EMIT saveRejected(s.error().toString());
        return;
    }
    m_saving = true;
    m_save->setEnabled(false);
    showStatus(tr("Saving…"), kMuted);
    ServerSettings edited = m_loaded;
    edited.kubeconfig = text;
    edited.kubeContext = empty ? QString() : selectedContext();
    edited.kubernetesNamespace = ns;
    // Only what changed since the editor was loaded: what the settings form or the CLI saved
    // meanwhile stays as stored.
    const ServerPatch patch = ServerPatch::settingsChanges(m_loaded, edited);
    auto service = m_service;
    const qint64 id = m_server.id;
    runAsync(
        this, [service, id, patch] { return service->changeKubeconfig(id, patch); },
        [this, text](const Result<Server> &result) {
            m_saving = false;
            m_save->setEnabled(true);
            if (!result) {
                showStatus(tr("✖ Not saved: %1").arg(result.error().toString()), kError);
                Q_EMIT saveRejected(result.error().toString());
                return;
            }
            m_server = *result;
            m_loaded = result->settings;
            if (this->text() == text)
                m_editor->document()->setModified(false);
            showStatus(tr("✔ Saved, encrypted in the store."), kOk);
            Q_EMIT saved(m_server);
        });
}

void KubeconfigEditor::testCluster()
{
    if (!m_service || m_server.id == 0 || m_report->isBusy())
        return;
    const Server server = m_server;
    ServerSettings settings = server.settings;
    settings.kubeconfig = text();
    settings.kubeContext = settings.kubeconfig.trimmed().isEmpty() ? QString() : selectedContext();
    settings.kubernetesNamespace = selectedNamespace().isEmpty() ? QStringLiteral("default") : selectedNamespace();
    m_report->setBusy(tr("Asking the cluster%1 through %2…")
                          .arg(settings.kubeContext.isEmpty() ? QString() : tr(" (context %1)").arg(settings.kubeContext),
                               server.name));
    m_test->setEnabled(false);
    const CancelToken cancel = m_cancel;
    auto service = m_service;
    runNetworkAsync(
        this, [service, server, settings, cancel] { return service->testCluster(server, settings, cancel); },
        [this](const Result<checks::ConnectionReport> &report) {
            m_test->setEnabled(true);
            if (!report) {
                m_report->setError(report.error());
                Q_EMIT clusterTested(false);
                return;
            }
            m_report->setReport(*report);
            if (!report->namespaces.isEmpty()) {
                const QString ns = m_namespace->currentText();
                for (const QString &name : report->namespaces)
                    if (m_namespace->findText(name) < 0)
                        m_namespace->addItem(name);
                m_namespace->setEditText(ns);
                Q_EMIT namespacesFound(report->namespaces);
            }
            Q_EMIT clusterTested(report->ok());
        });
}

void KubeconfigEditor::loadFile(const QString &path)
{
    showStatus(tr("Loading %1…").arg(QFileInfo(path).fileName()), kMuted);
    runAsync(
        this,
        [path]() -> Result<QString> {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return Error::make(ErrorKind::NotFound, tr("Cannot open %1: %2").arg(path, file.errorString()));
            if (file.size() > kMaxFileBytes)
                return Error::invalid(QStringLiteral("kubeconfig"), tr("%1 is larger than 8 MB: not a kubeconfig").arg(path));
            const QByteArray bytes = file.readAll();
            if (bytes.contains('\0'))
                return Error::invalid(QStringLiteral("kubeconfig"), tr("%1 is a binary file, not a kubeconfig").arg(path));
            return QString::fromUtf8(bytes);
        },
        [this, path](const Result<QString> &content) {
            if (!content) {
                showStatus(tr("✖ %1").arg(content.error().toString()), kError);
                Q_EMIT fileLoaded(false);
                return;
            }
            setText(*content);
            m_editor->document()->setModified(true);   // loaded but not saved yet
            Q_EMIT fileLoaded(true);
        });
}

void KubeconfigEditor::exportFile(const QString &path)
{
    const QString text = this->text();
    runAsync(
        this,
        [path, text]() -> Status {
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly))
                return Error::make(ErrorKind::Storage, tr("Cannot write %1: %2").arg(path, file.errorString()));
            // Readable by the owner only: it holds credentials.
            file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            file.write(text.toUtf8());
            if (!file.commit())
                return Error::make(ErrorKind::Storage, tr("Cannot write %1: %2").arg(path, file.errorString()));
            return {};
        },
        [this, path](const Status &written) {
            if (!written)
                showStatus(tr("✖ %1").arg(written.error().toString()), kError);
            else
                showStatus(tr("✔ Written to %1 (readable only by you).").arg(path), kOk);
        });
}

void KubeconfigEditor::onLoadClicked()
{
    auto *dialog = new QFileDialog(this, tr("Load kubeconfig"), QDir::homePath() + QStringLiteral("/.kube"));
    dialog->setObjectName(QStringLiteral("loadKubeconfigDialog"));
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setFilter(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &KubeconfigEditor::loadFile);
    dialog->open();
}

void KubeconfigEditor::onExportClicked()
{
    auto *dialog = new QFileDialog(this, tr("Export kubeconfig"), QDir::homePath());
    dialog->setObjectName(QStringLiteral("exportKubeconfigDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &KubeconfigEditor::exportFile);
    dialog->open();
}

} // namespace fleetdeck::ui
