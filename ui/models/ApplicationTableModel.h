// ApplicationTableModel: the applications of the selected server, with their last known status.
#pragma once

#include "domain/Application.h"

#include <QAbstractTableModel>

namespace fleetdeck::ui {

class ApplicationTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, ImageColumn, ReplicasColumn, StatusColumn, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setApplications(const QList<Application> &apps);
    const Application *applicationAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<Application> m_apps;
};

} // namespace fleetdeck::ui
