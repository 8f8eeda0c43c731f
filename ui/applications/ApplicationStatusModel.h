// ApplicationStatusModel: applications with their server and the live status the panel's batched
// polling brings (running N/N, degraded, deploying, failed, stopped), plus a note while an action runs.
#pragma once

#include "domain/Application.h"
#include "domain/Server.h"
#include "orchestrators/OrchestratorTypes.h"

#include <QAbstractTableModel>
#include <QHash>

namespace fleetdeck::ui {

class ApplicationStatusModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, ProjectColumn, ServerColumn, ImageColumn, ReplicasColumn, StatusColumn, ColumnCount };
    enum Role { ApplicationIdRole = Qt::UserRole + 1, StateRole };
    using QAbstractTableModel::QAbstractTableModel;

    void setData(const QList<Application> &apps, const QList<Server> &servers);
    void setStatus(const AppStatus &status);
    void setBusy(qint64 appId, const QString &what);   // "" clears
    void setApplication(const Application &app);       // after a save

    int rowOf(qint64 appId) const;
    const Application *applicationAt(int row) const;
    const Server *serverOf(qint64 appId) const;
    const AppStatus *statusOf(qint64 appId) const;
    QString statusText(qint64 appId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<Application> m_apps;
    QHash<qint64, Server> m_servers;
    QHash<qint64, AppStatus> m_status;
    QHash<qint64, QString> m_busy;
};

} // namespace fleetdeck::ui
