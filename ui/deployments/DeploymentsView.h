// DeploymentsView: an application's deployment history (status, duration, image, who/when), the live
// log of a running deployment, cancel, and the plan (exact commands / manifests) before a deploy.
#pragma once

#include "domain/Deployment.h"

#include <QWidget>

#include <memory>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace fleetdeck {
class OperationsService;
}

namespace fleetdeck::ui {

class DeploymentsView final : public QWidget
{
    Q_OBJECT
public:
    explicit DeploymentsView(std::shared_ptr<OperationsService> ops, QWidget *parent = nullptr);

    void setApplication(qint64 appId);
    qint64 selectedDeployment() const;
    QTableWidget *table() const { return m_table; }
    QString logText() const;

public Q_SLOTS:
    void reload();
    void showPlan();
    void cancelSelected();

Q_SIGNALS:
    void reloaded(int count);
    void planShown(const QString &text);

private:
    void showDeployment(qint64 id, bool force = false);
    static QString formatEntry(const DeploymentLogEntry &e);

    std::shared_ptr<OperationsService> m_ops;
    qint64 m_appId = 0;
    qint64 m_shown = 0;
    QList<Deployment> m_rows;
    QTableWidget *m_table;
    QPlainTextEdit *m_log;
    QPushButton *m_cancel;
    QPushButton *m_plan;
    QLabel *m_state;
};

} // namespace fleetdeck::ui
