#include "applications/ApplicationForm.h"
#include "widgets/ScrollingPage.h"

#include "widgets/Watch.h"
#include "domain/Quantity.h"
#include "domain/Validation.h"
#include "widgets/ErrorBanner.h"
#include "widgets/FieldHighlight.h"
#include "services/ApplicationService.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QTableWidget>
#include <QUuid>
#include <QVBoxLayout>

namespace fleetdeck::ui {

namespace {

enum EnvColumn { KeyColumn, ValueColumn, SecretColumn };
constexpr int kValueRole = Qt::UserRole + 1;

QLineEdit *lineEdit(QWidget *parent, const char *name, const QString &accessible, const QString &placeholder = {})
{
    auto *e = new QLineEdit(parent);
    e->setObjectName(QString::fromLatin1(name));
    e->setAccessibleName(accessible);
    e->setPlaceholderText(placeholder);
    QObject::connect(e, &QLineEdit::textEdited, e, [e] { clearInvalid(e); });
    return e;
}

QSpinBox *spin(QWidget *parent, const char *name, const QString &accessible, int min, int max, const QString &suffix = {})
{
    auto *s = new QSpinBox(parent);
    s->setObjectName(QString::fromLatin1(name));
    s->setAccessibleName(accessible);
    s->setRange(min, max);
    s->setSuffix(suffix);
    return s;
}

} // namespace

ApplicationForm::ApplicationForm(std::shared_ptr<ApplicationService> applications, QWidget *parent)
    : QWidget(parent)
    , m_applications(std::move(applications))
{
    setObjectName(QStringLiteral("applicationForm"));
    const auto [outer, layout] = scrollingPage(this);
    QWidget *content = layout->parentWidget();

    auto *general = new QGroupBox(tr("General"), content);
    auto *g = new QFormLayout(general);
    m_name = lineEdit(general, "nameEdit", tr("Name"), tr("web (lower case letters, digits, '-')"));
    m_project = lineEdit(general, "projectEdit", tr("Project"), tr("optional: shop (groups applications; same rules as names)"));
    m_server = new QComboBox(general);
    m_server->setObjectName(QStringLiteral("serverCombo"));
    m_server->setAccessibleName(tr("Server"));
    m_image = lineEdit(general, "imageEdit", tr("Image"), tr("nginx:1.27 or registry.example.com/team/app:tag"));
    m_buildSource = lineEdit(general, "buildSourceEdit", tr("Build source"), tr("optional: a folder with a Dockerfile, or a git URL"));
    m_ports = lineEdit(general, "portsEdit", tr("Ports"), tr("8080, 9090 (the first is the main port)"));
    m_domains = lineEdit(general, "domainsEdit", tr("Domains"), tr("app.example.com, www.example.com"));
    g->addRow(tr("&Name:"), m_name);
    g->addRow(tr("Pro&ject:"), m_project);
    g->addRow(tr("Se&rver:"), m_server);
    g->addRow(tr("&Image:"), m_image);
    g->addRow(tr("&Build source:"), m_buildSource);
    g->addRow(tr("&Ports:"), m_ports);
    g->addRow(tr("&Domains:"), m_domains);
    layout->addWidget(general);

    auto *envBox = new QGroupBox(tr("Environment"), content);
    auto *ev = new QVBoxLayout(envBox);
    m_env = new QTableWidget(0, 3, envBox);
    m_env->setObjectName(QStringLiteral("envTable"));
    m_env->setAccessibleName(tr("Environment variables"));
    m_env->setHorizontalHeaderLabels({tr("Key"), tr("Value"), tr("Secret")});
    m_env->horizontalHeader()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    m_env->verticalHeader()->hide();
    m_env->setMinimumHeight(110);
    ev->addWidget(m_env);
    auto *envButtons = new QHBoxLayout;
    auto *addEnv = new QPushButton(tr("&Add variable"), envBox);
    addEnv->setObjectName(QStringLiteral("addEnvButton"));
    auto *removeEnv = new QPushButton(tr("Remo&ve"), envBox);
    removeEnv->setObjectName(QStringLiteral("removeEnvButton"));
    m_showSecrets = new QCheckBox(tr("Show secret &values"), envBox);
    m_showSecrets->setObjectName(QStringLiteral("showSecretsCheck"));
    envButtons->addWidget(addEnv);
    envButtons->addWidget(removeEnv);
    envButtons->addStretch();
    envButtons->addWidget(m_showSecrets);
    ev->addLayout(envButtons);
    connect(addEnv, &QPushButton::clicked, this, [this] {
        addEnvRow({});
        m_env->editItem(m_env->item(m_env->rowCount() - 1, KeyColumn));
    });
    connect(removeEnv, &QPushButton::clicked, this, [this] {
        if (m_env->currentRow() >= 0)
            m_env->removeRow(m_env->currentRow());
    });
    connect(m_showSecrets, &QCheckBox::toggled, this, &ApplicationForm::setSecretsVisible);
    // The value lives in kValueRole; a masked cell shows dots. Editing a masked value reveals the row.
    connect(m_env, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        clearInvalid(m_env);
        if (item->column() == ValueColumn && item->text() != QStringLiteral("••••••"))
            item->setData(kValueRole, item->text());
        if (item->column() == SecretColumn)
            setSecretsVisible(m_showSecrets->isChecked());
    });
    connect(m_env, &QTableWidget::itemDoubleClicked, this, [this](QTableWidgetItem *item) {
        if (item->column() == ValueColumn) {
            QSignalBlocker b(m_env);
            item->setText(item->data(kValueRole).toString());
        }
    });
    layout->addWidget(envBox);

    auto *healthBox = new QGroupBox(tr("Health check"), content);
    auto *h = new QFormLayout(healthBox);
    m_healthPath = lineEdit(healthBox, "healthPathEdit", tr("Health check path"), tr("/health (empty: no HTTP check)"));
    m_healthPort = spin(healthBox, "healthPortSpin", tr("Health check port"), 0, 65535);
    m_healthPort->setSpecialValueText(tr("main port"));
    m_healthInterval = spin(healthBox, "healthIntervalSpin", tr("Health check interval"), 1, 3600, tr(" s"));
    m_healthTimeout = spin(healthBox, "healthTimeoutSpin", tr("Health check timeout"), 1, 600, tr(" s"));
    m_healthRetries = spin(healthBox, "healthRetriesSpin", tr("Health check retries"), 1, 100);
    h->addRow(tr("Pat&h:"), m_healthPath);
    h->addRow(tr("Port:"), m_healthPort);
    h->addRow(tr("Interval:"), m_healthInterval);
    h->addRow(tr("Timeout:"), m_healthTimeout);
    h->addRow(tr("Retries:"), m_healthRetries);
    layout->addWidget(healthBox);

    auto *limits = new QGroupBox(tr("Limits and reservations"), content);
    auto *l = new QFormLayout(limits);
    m_cpuLimit = lineEdit(limits, "cpuLimitEdit", tr("CPU limit"), tr("e.g. 0.5 (CPUs) or 500m"));
    m_memoryLimit = lineEdit(limits, "memoryLimitEdit", tr("Memory limit"), tr("e.g. 512m (Docker) or 512Mi"));
    m_cpuReservation = lineEdit(limits, "cpuReservationEdit", tr("CPU reservation"), tr("e.g. 0.25 or 250m"));
    m_memoryReservation = lineEdit(limits, "memoryReservationEdit", tr("Memory reservation"), tr("e.g. 256m or 256Mi"));
    m_cpuHint = new QLabel(limits);
    m_memoryHint = new QLabel(limits);
    m_cpuHint->setObjectName(QStringLiteral("cpuHint"));
    m_memoryHint->setObjectName(QStringLiteral("memoryHint"));
    m_cpuHint->setWordWrap(true);
    m_memoryHint->setWordWrap(true);
    l->addRow(tr("CPU limit:"), m_cpuLimit);
    l->addRow(tr("CPU reservation:"), m_cpuReservation);
    l->addRow(QString(), m_cpuHint);
    l->addRow(tr("Memory limit:"), m_memoryLimit);
    l->addRow(tr("Memory reservation:"), m_memoryReservation);
    l->addRow(QString(), m_memoryHint);
    for (QLineEdit *e : {m_cpuLimit, m_memoryLimit, m_cpuReservation, m_memoryReservation})
        connect(e, &QLineEdit::textChanged, this, &ApplicationForm::updateHints);
    layout->addWidget(limits);
    layout->addStretch();

    auto *bottom = new QHBoxLayout;
    m_error = new ErrorBanner(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_save = new QPushButton(tr("&Save settings"), this);
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setShortcut(QKeySequence::Save);
    connect(m_save, &QPushButton::clicked, this, &ApplicationForm::save);
    bottom->addWidget(m_error, 1);
    bottom->addWidget(m_save);
    outer->addLayout(bottom);
    updateHints();
}

void ApplicationForm::setServers(const QList<Server> &servers)
{
    m_servers = servers;
    const qint64 current = m_server->currentData().toLongLong();
    QSignalBlocker b(m_server);
    m_server->clear();
    for (const Server &s : servers)
        m_server->addItem(tr("%1 (%2)").arg(s.name, orchestratorName(s.settings.orchestrator)), s.id);
    const int i = m_server->findData(current);
    if (i >= 0)
        m_server->setCurrentIndex(i);
}

void ApplicationForm::addEnvRow(const EnvVar &var)
{
    QSignalBlocker b(m_env);
    const int row = m_env->rowCount();
    m_env->insertRow(row);
    m_env->setItem(row, KeyColumn, new QTableWidgetItem(var.key));
    auto *value = new QTableWidgetItem(var.value);
    value->setData(kValueRole, var.value);
    m_env->setItem(row, ValueColumn, value);
    auto *secret = new QTableWidgetItem;
    secret->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    secret->setCheckState(var.secret ? Qt::Checked : Qt::Unchecked);
    m_env->setItem(row, SecretColumn, secret);
    b.unblock();
    setSecretsVisible(m_showSecrets->isChecked());
}

void ApplicationForm::setSecretsVisible(bool visible)
{
    QSignalBlocker b(m_env);
    for (int row = 0; row < m_env->rowCount(); ++row) {
        QTableWidgetItem *value = m_env->item(row, ValueColumn);
        const bool secret = m_env->item(row, SecretColumn)->checkState() == Qt::Checked;
        const QString real = value->data(kValueRole).toString();
        value->setText(secret && !visible && !real.isEmpty() ? QStringLiteral("••••••") : real);
    }
}

void ApplicationForm::updateHints()
{
    auto cpu = [](const QString &text) -> QString {
        if (text.trimmed().isEmpty())
            return tr("none");
        auto m = parseCpu(text.trimmed());
        return m ? tr("%1 CPUs = %2 on Kubernetes").arg(cpuToDocker(*m), cpuToKubernetes(*m)) : m.error().message;
    };
    auto mem = [](const QString &text) -> QString {
        if (text.trimmed().isEmpty())
            return tr("none");
        auto b = parseMemory(text.trimmed());
        return b ? tr("%1 (Docker) = %2 (Kubernetes)").arg(memoryToDocker(*b), memoryToKubernetes(*b)) : b.error().message;
    };
    m_cpuHint->setText(tr("Limit: %1 · reservation: %2").arg(cpu(m_cpuLimit->text()), cpu(m_cpuReservation->text())));
    m_memoryHint->setText(tr("Limit: %1 · reservation: %2. Binary units; a bare 512M is refused as ambiguous.")
                              .arg(mem(m_memoryLimit->text()), mem(m_memoryReservation->text())));
}

void ApplicationForm::setApplication(const Application &app)
{
    m_app = app;
    clearMarks();
    m_name->setText(app.name);
    m_project->setText(app.project);
    const int i = m_server->findData(app.serverId);
    m_server->setCurrentIndex(i);
    m_image->setText(app.image);
    m_buildSource->setText(app.buildSource);
    QStringList ports;
    for (int p : app.ports)
        ports << QString::number(p);
    m_ports->setText(ports.join(QStringLiteral(", ")));
    m_domains->setText(app.domains.join(QStringLiteral(", ")));
    m_env->setRowCount(0);
    for (const EnvVar &v : app.env)
        addEnvRow(v);
    m_healthPath->setText(app.health.path);
    m_healthPort->setValue(app.health.port);
    m_healthInterval->setValue(app.health.intervalSeconds);
    m_healthTimeout->setValue(app.health.timeoutSeconds);
    m_healthRetries->setValue(app.health.retries);
    m_cpuLimit->setText(app.cpuLimit);
    m_memoryLimit->setText(app.memoryLimit);
    m_cpuReservation->setText(app.cpuReservation);
    m_memoryReservation->setText(app.memoryReservation);
    m_save->setText(app.id ? tr("&Save settings") : tr("&Create application"));
}

void ApplicationForm::newApplication(qint64 serverId)
{
    Application a;
    a.serverId = serverId;
    setApplication(a);
    m_name->setFocus();
}

QWidget *ApplicationForm::fieldFor(const QString &field) const
{
    static const QRegularExpression head(QStringLiteral("^-*([a-z-]+)"));
    const QString key = head.match(field).captured(1);
    const QHash<QString, QWidget *> map = {
        {QStringLiteral("name"), m_name},
        {QStringLiteral("project"), m_project},
        {QStringLiteral("server"), m_server},
        {QStringLiteral("image"), m_image},
        {QStringLiteral("build-source"), m_buildSource},
        {QStringLiteral("port"), m_ports},
        {QStringLiteral("ports"), m_ports},
        {QStringLiteral("domain"), m_domains},
        {QStringLiteral("domains"), m_domains},
        {QStringLiteral("env"), m_env},
        {QStringLiteral("health"), m_healthPath},
        {QStringLiteral("health-path"), m_healthPath},
        {QStringLiteral("health-port"), m_healthPort},
        {QStringLiteral("cpu"), m_cpuLimit},
        {QStringLiteral("memory"), m_memoryLimit},
        {QStringLiteral("cpu-reservation"), m_cpuReservation},
        {QStringLiteral("memory-reservation"), m_memoryReservation},
    };
    return map.value(key, nullptr);
}

void ApplicationForm::clearMarks()
{
    for (QWidget *w : {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_project), static_cast<QWidget *>(m_server), static_cast<QWidget *>(m_image),
                       static_cast<QWidget *>(m_buildSource), static_cast<QWidget *>(m_ports),
                       static_cast<QWidget *>(m_domains), static_cast<QWidget *>(m_env),
                       static_cast<QWidget *>(m_healthPath), static_cast<QWidget *>(m_healthPort),
                       static_cast<QWidget *>(m_cpuLimit), static_cast<QWidget *>(m_memoryLimit),
                       static_cast<QWidget *>(m_cpuReservation), static_cast<QWidget *>(m_memoryReservation)})
        clearInvalid(w);
    m_error->clear();
}

QString ApplicationForm::errorText() const
{
    return m_error->text();
}

ApplicationSettingsPatch ApplicationForm::fieldsPatch(QList<QPair<QString, QString>> *problems) const
{
    ApplicationSettingsPatch p;
    p.name = m_name->text().trimmed();
    p.project = m_project->text().trimmed();
    p.serverId = m_server->currentData().toLongLong();
    p.image = m_image->text().trimmed();
    p.buildSource = m_buildSource->text().trimmed();
    QList<int> ports;
    const QStringList portTexts = m_ports->text().split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts);
    for (const QString &text : portTexts) {
        bool ok = false;
        const int port = text.toInt(&ok);
        if (!ok) {
            problems->append({QStringLiteral("port"), tr("'%1' is not a port number").arg(text)});
            continue;
        }
        ports << port;
    }
    p.ports = ports;
    p.domains = m_domains->text().split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts);
    QList<EnvVar> env;
    for (int row = 0; row < m_env->rowCount(); ++row) {
        EnvVar v;
        v.key = m_env->item(row, KeyColumn)->text().trimmed();
        v.value = m_env->item(row, ValueColumn)->data(kValueRole).toString();
        v.secret = m_env->item(row, SecretColumn)->checkState() == Qt::Checked;
        if (v.key.isEmpty() && v.value.isEmpty())
            continue;
        env << v;
    }
    p.env = env;
    p.healthPath = m_healthPath->text().trimmed();
    p.healthPort = m_healthPort->value();
    p.healthIntervalSeconds = m_healthInterval->value();
    p.healthTimeoutSeconds = m_healthTimeout->value();
    p.healthRetries = m_healthRetries->value();
    p.cpuLimit = m_cpuLimit->text().trimmed();
    p.memoryLimit = m_memoryLimit->text().trimmed();
    p.cpuReservation = m_cpuReservation->text().trimmed();
    p.memoryReservation = m_memoryReservation->text().trimmed();
    return p;
}

Application ApplicationForm::collect(QList<QPair<QString, QString>> *problems) const
{
    Application a = m_app;
    fieldsPatch(problems).applyTo(a);
    if (a.uuid.isEmpty())
        a.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    for (const Error &e : validate::applicationProblems(a))
        problems->append({e.field, e.message});
    return a;
}

void ApplicationForm::save()
{
    clearMarks();
    QList<QPair<QString, QString>> problems;
    const Application a = collect(&problems);
    if (!problems.isEmpty()) {
        // The first problem gets the focus; every field at fault gets the frame.
        for (auto it = problems.crbegin(); it != problems.crend(); ++it)
            markInvalid(fieldFor(it->first), it->second);
        QStringList lines;
        for (const auto &p : problems)
            lines << (p.first.isEmpty() ? p.second : p.first + QStringLiteral(": ") + p.second);
        m_error->showError(lines.join(QLatin1Char('\n')));
        Q_EMIT saveFailed(m_error->text());
        return;
    }
    m_save->setEnabled(false);
    // A new application is added whole; an existing one gets only the fields edited in this form,
    // merged by the store in one transaction (the orchestration form may have saved meanwhile).
    QList<QPair<QString, QString>> ignored;
    auto future = a.id == 0 ? m_applications->addAsync(a)
                            : m_applications->changeSettingsAsync(a.id, fieldsPatch(&ignored).changesFrom(m_app));
    watch(this, future, [this, created = a.id == 0](const Result<Application> &r) {
        m_save->setEnabled(true);
        if (!r) {
            markInvalid(fieldFor(r.error().field), r.error().message);
            m_error->showError(r.error().toString());
            Q_EMIT saveFailed(m_error->text());
            return;
        }
        setApplication(*r);
        Q_EMIT saved(*r, created);
    });
}

} // namespace fleetdeck::ui
