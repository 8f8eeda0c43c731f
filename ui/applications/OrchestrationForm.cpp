#include "applications/OrchestrationForm.h"
#include "widgets/ScrollingPage.h"

#include "widgets/Watch.h"
#include "domain/Validation.h"
#include "widgets/ErrorBanner.h"
#include "widgets/FieldHighlight.h"
#include "services/ApplicationService.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

namespace fleetdeck::ui {

namespace {

QString pretty(const QJsonObject &o)
{
    return o.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)).trimmed();
}

QString pretty(const QJsonArray &a)
{
    return a.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Indented)).trimmed();
}

QString orEmptyObject(const QString &text)
{
    return text.trimmed().isEmpty() ? QStringLiteral("{}") : text;
}

} // namespace

OrchestrationForm::OrchestrationForm(std::shared_ptr<ApplicationService> applications, QWidget *parent)
    : QWidget(parent)
    , m_applications(std::move(applications))
{
    setObjectName(QStringLiteral("orchestrationForm"));
    const auto [outer, layout] = scrollingPage(this);
    QWidget *content = layout->parentWidget();

    m_kindNote = new QLabel(content);
    m_kindNote->setObjectName(QStringLiteral("orchestratorNote"));
    m_kindNote->setWordWrap(true);
    layout->addWidget(m_kindNote);

    auto *replicasRow = new QHBoxLayout;
    auto *replicasLabel = new QLabel(tr("Re&plicas:"), content);
    m_replicas = new QSpinBox(content);
    m_replicas->setObjectName(QStringLiteral("replicasSpin"));
    m_replicas->setAccessibleName(tr("Replicas"));
    m_replicas->setRange(0, validate::kMaxReplicas);
    replicasLabel->setBuddy(m_replicas);
    m_scaleNow = new QPushButton(tr("Scale &now"), content);
    m_scaleNow->setObjectName(QStringLiteral("scaleNowButton"));
    m_scaleNow->setToolTip(tr("Change the number of running replicas now, without a redeploy"));
    connect(m_scaleNow, &QPushButton::clicked, this, [this] { Q_EMIT scaleRequested(m_app.id, m_replicas->value()); });
    replicasRow->addWidget(replicasLabel);
    replicasRow->addWidget(m_replicas);
    replicasRow->addWidget(m_scaleNow);
    replicasRow->addStretch();
    layout->addLayout(replicasRow);

    m_swarm = new QGroupBox(tr("Swarm placement"), content);
    auto *sw = new QVBoxLayout(m_swarm);
    m_constraints = new QPlainTextEdit(m_swarm);
    m_constraints->setObjectName(QStringLiteral("constraintsEdit"));
    m_constraints->setAccessibleName(tr("Placement constraints, one per line"));
    m_constraints->setPlaceholderText(tr("One per line, for example:\nnode.role==worker\nnode.labels.disk==ssd\nnode.hostname!=build-01"));
    m_constraints->setMaximumHeight(100);
    connect(m_constraints, &QPlainTextEdit::textChanged, m_constraints, [this] { clearInvalid(m_constraints); });
    sw->addWidget(m_constraints);
    layout->addWidget(m_swarm);

    m_kube = new QGroupBox(tr("Kubernetes placement and service"), content);
    auto *k = new QFormLayout(m_kube);
    m_nodeSelector = jsonEditor("nodeSelectorEdit", tr("Node selector (JSON)"), tr(R"({"disktype": "ssd"})"));
    m_tolerations = jsonEditor("tolerationsEdit", tr("Tolerations (JSON)"),
                               tr(R"([{"key": "dedicated", "operator": "Equal", "value": "gpu", "effect": "NoSchedule"}])"));
    m_affinity = jsonEditor("affinityEdit", tr("Affinity (JSON)"), tr(R"({"nodeAffinity": {...}})"));
    m_podLabels = jsonEditor("podLabelsEdit", tr("Pod labels (JSON)"), tr(R"({"team": "shop"})"));
    m_annotations = jsonEditor("annotationsEdit", tr("Service annotations (JSON)"),
                               tr(R"({"service.beta.kubernetes.io/aws-load-balancer-type": "nlb"})"));
    m_serviceType = new QComboBox(m_kube);
    m_serviceType->setObjectName(QStringLiteral("serviceTypeCombo"));
    m_serviceType->setAccessibleName(tr("Service type"));
    for (ServiceType t : {ServiceType::ClusterIP, ServiceType::NodePort, ServiceType::LoadBalancer})
        m_serviceType->addItem(serviceTypeName(t), int(t));
    k->addRow(tr("Node &selector:"), m_nodeSelector);
    k->addRow(tr("&Tolerations:"), m_tolerations);
    k->addRow(tr("&Affinity:"), m_affinity);
    k->addRow(tr("Pod &labels:"), m_podLabels);
    k->addRow(tr("Service a&nnotations:"), m_annotations);
    k->addRow(tr("Service t&ype:"), m_serviceType);
    layout->addWidget(m_kube);
    layout->addStretch();

    auto *bottom = new QHBoxLayout;
    auto *messages = new QVBoxLayout;
    m_error = new ErrorBanner(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("noteLabel"));
    m_note->setWordWrap(true);
    messages->addWidget(m_error);
    messages->addWidget(m_note);
    m_save = new QPushButton(tr("&Save orchestration"), this);
    m_save->setObjectName(QStringLiteral("saveButton"));
    connect(m_save, &QPushButton::clicked, this, &OrchestrationForm::save);
    bottom->addLayout(messages, 1);
    bottom->addWidget(m_save);
    outer->addLayout(bottom);
    setEnabled(false);
}

QPlainTextEdit *OrchestrationForm::jsonEditor(const char *name, const QString &accessible, const QString &placeholder)
{
    auto *e = new QPlainTextEdit(m_kube);
    e->setObjectName(QString::fromLatin1(name));
    e->setAccessibleName(accessible);
    e->setPlaceholderText(placeholder);
    e->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    e->setTabChangesFocus(true);
    e->setMaximumHeight(90);
    connect(e, &QPlainTextEdit::textChanged, e, [e] { clearInvalid(e); });
    return e;
}

void OrchestrationForm::setApplication(const Application &app, const Server &server)
{
    m_app = app;
    m_orchestrator = server.settings.orchestrator;
    setEnabled(app.id != 0);
    m_error->clear();
    m_note->clear();
    for (QWidget *w : std::initializer_list<QWidget *>{m_constraints, m_nodeSelector, m_tolerations, m_affinity, m_podLabels, m_annotations})
        clearInvalid(w);
    switch (m_orchestrator) {
    case Orchestrator::None:
        m_kindNote->setText(tr("<b>%1</b> runs standalone Docker: no orchestrator, so placement and service settings "
                               "are unavailable. Replicas are that many named containers on this one server. "
                               "Set an orchestrator in the server's settings to use Swarm or Kubernetes.")
                                .arg(server.name.toHtmlEscaped()));
        m_replicas->setValue(app.replicas);
        break;
    case Orchestrator::Swarm:
        m_kindNote->setText(tr("<b>%1</b> is a Swarm manager: the application runs as a Swarm service.").arg(server.name.toHtmlEscaped()));
        m_replicas->setValue(app.swarmReplicas);
        break;
    case Orchestrator::Kubernetes:
        m_kindNote->setText(tr("<b>%1</b> runs Kubernetes: the application is a Deployment and a Service.").arg(server.name.toHtmlEscaped()));
        m_replicas->setValue(app.kubernetesReplicas);
        break;
    }
    m_swarm->setVisible(m_orchestrator == Orchestrator::Swarm);
    m_kube->setVisible(m_orchestrator == Orchestrator::Kubernetes);
    m_constraints->setPlainText(app.swarmConstraints.join(QLatin1Char('\n')));
    m_nodeSelector->setPlainText(pretty(app.nodeSelector));
    m_tolerations->setPlainText(pretty(app.tolerations));
    m_affinity->setPlainText(pretty(app.affinity));
    m_podLabels->setPlainText(pretty(app.podLabels));
    m_annotations->setPlainText(pretty(app.serviceAnnotations));
    m_serviceType->setCurrentIndex(m_serviceType->findData(int(app.serviceType)));
}

int OrchestrationForm::replicas() const
{
    return m_replicas->value();
}

QString OrchestrationForm::errorText() const
{
    return m_error->text();
}

void OrchestrationForm::setBusy(bool busy)
{
    m_scaleNow->setEnabled(!busy);
    m_scaleNow->setText(busy ? tr("Scaling…") : tr("Scale &now"));
}

void OrchestrationForm::save()
{
    m_error->clear();
    m_note->clear();
    ApplicationOrchestrationPatch patch = ApplicationOrchestrationPatch::replicasOn(m_orchestrator, m_replicas->value());
    QList<QPair<QWidget *, QString>> problems;
    QStringList constraints = m_constraints->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (QString &c : constraints)
        c = c.trimmed();
    constraints.removeAll(QString());
    for (const QString &c : std::as_const(constraints))
        if (auto s = validate::swarmConstraint(QStringLiteral("constraint"), c); !s)
            problems.append({m_constraints, s.error().toString()});
    patch.swarmConstraints = constraints;

    if (auto r = validate::nodeSelectorJson(QStringLiteral("node-selector"), orEmptyObject(m_nodeSelector->toPlainText())))
        patch.nodeSelector = *r;
    else
        problems.append({m_nodeSelector, r.error().toString()});
    const QString tolerations = m_tolerations->toPlainText().trimmed().isEmpty() ? QStringLiteral("[]") : m_tolerations->toPlainText();
    if (auto r = validate::tolerationsJson(QStringLiteral("tolerations"), tolerations))
        patch.tolerations = *r;
    else
        problems.append({m_tolerations, r.error().toString()});
    if (auto r = validate::affinityJson(QStringLiteral("affinity"), orEmptyObject(m_affinity->toPlainText())))
        patch.affinity = *r;
    else
        problems.append({m_affinity, r.error().toString()});
    if (auto r = validate::labelsJson(QStringLiteral("pod-labels"), orEmptyObject(m_podLabels->toPlainText())))
        patch.podLabels = *r;
    else
        problems.append({m_podLabels, r.error().toString()});
    if (auto r = validate::annotationsJson(QStringLiteral("service-annotations"), orEmptyObject(m_annotations->toPlainText())))
        patch.serviceAnnotations = *r;
    else
        problems.append({m_annotations, r.error().toString()});
    patch.serviceType = ServiceType(m_serviceType->currentData().toInt());
    Application a = m_app;
    patch.applyTo(a);
    if (problems.isEmpty())
        for (const Error &e : validate::applicationProblems(a))
            problems.append({e.field.contains(QStringLiteral("replicas")) ? static_cast<QWidget *>(m_replicas) : nullptr, e.toString()});

    if (!problems.isEmpty()) {
        QStringList lines;
        for (auto it = problems.crbegin(); it != problems.crend(); ++it)
            markInvalid(it->first, it->second);
        for (const auto &p : problems)
            lines << p.second;
        m_error->showError(lines.join(QLatin1Char('\n')));
        Q_EMIT saveFailed(m_error->text());
        return;
    }
    const bool placementChanged = a.swarmConstraints != m_app.swarmConstraints || a.nodeSelector != m_app.nodeSelector
        || a.tolerations != m_app.tolerations || a.affinity != m_app.affinity || a.podLabels != m_app.podLabels
        || a.serviceAnnotations != m_app.serviceAnnotations || a.serviceType != m_app.serviceType;
    m_save->setEnabled(false);
    // Only the fields edited here, merged by the store in one transaction (the settings form or Scale
    // now may have saved meanwhile).
    watch(this, m_applications->changeOrchestrationAsync(a.id, patch.changesFrom(m_app)), [this, placementChanged](const Result<Application> &r) {
        m_save->setEnabled(true);
        if (!r) {
            m_error->showError(r.error().toString());
            Q_EMIT saveFailed(m_error->text());
            return;
        }
        m_app = *r;
        m_note->setText(placementChanged ? tr("Saved. Placement and service changes apply at the next deploy.")
                                         : tr("Saved. Use Scale now to change the running replicas without a redeploy."));
        Q_EMIT saved(*r);
    });
}

} // namespace fleetdeck::ui
