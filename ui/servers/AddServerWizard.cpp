#include "servers/AddServerWizard.h"

#include "async/Async.h"
#include "servers/ConnectionPage.h"
#include "servers/DetectionPage.h"
#include "servers/HostKeyPage.h"
#include "services/ServerService.h"

#include <QAbstractButton>

namespace fleetdeck::ui {

AddServerWizard::AddServerWizard(std::shared_ptr<ServerService> service, const QList<Server> &known, QWidget *parent)
    : QWizard(parent), m_service(std::move(service)), m_known(known)
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
    if (m_saving || !m_service)
        return;
    Server s = candidate();
    const bool apply = m_detection->applyProposal();
    if (apply)
        s.settings = m_detection->settings(s.settings);
    m_saving = true;
    Q_EMIT m_detection->completeChanged();
    auto service = m_service;
    const bool editing = isEditing();
    // Editing: the connection, and the detected orchestrator settings when asked; nothing else.
    ServerPatch patch;
    patch.name = s.name;
    patch.host = s.host;
    patch.port = s.port;
    patch.user = s.user;
    patch.auth = s.auth;
    patch.identityFile = s.identityFile;
    patch.secret = s.secret;
    patch.hostKeyFingerprint = s.hostKeyFingerprint;
    if (apply) {
        patch.orchestrator = s.settings.orchestrator;
        patch.swarmManager = s.settings.swarmManager;
        patch.swarmWorker = s.settings.swarmWorker;
        patch.kubernetesMaster = s.settings.kubernetesMaster;
        patch.kubernetesWorker = s.settings.kubernetesWorker;
        if (!m_existing || s.settings.kubernetesVersion != m_existing->settings.kubernetesVersion)
            patch.kubernetesVersion = s.settings.kubernetesVersion;
    }
    runAsync(
        this,
        [service, s, editing, patch]() -> Result<Server> {
            if (!editing)
                return service->add(s);
            return service->change(s.id, patch);
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
