// ResourceCharts: CPU and memory of every replica as live line charts (Qt Charts), refreshed in the
// background while visible; says plainly when the engine has no metrics (no metrics-server).
#pragma once

#include <QHash>
#include <QTimer>
#include <QWidget>

#include <memory>

class QLabel;
class QStackedWidget;

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace fleetdeck {
class OperationsService;
}

namespace fleetdeck::ui {

class ResourceCharts final : public QWidget
{
    Q_OBJECT
public:
    explicit ResourceCharts(std::shared_ptr<OperationsService> ops, QWidget *parent = nullptr);

    void setApplication(qint64 appId);
    void setInterval(int ms) { m_timer.setInterval(ms); }
    bool metricsAvailable() const { return m_available; }
    QString message() const;
    int seriesCount() const { return int(m_cpu.size()); }

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void refreshed(bool available);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QLineSeries *seriesFor(QHash<QString, QLineSeries *> &map, QChart *chart, QValueAxis *x, QValueAxis *y, const QString &name);
    void clearSeries();

    std::shared_ptr<OperationsService> m_ops;
    qint64 m_appId = 0;
    bool m_inFlight = false;
    bool m_available = false;
    qint64 m_started = 0;
    QTimer m_timer;
    QStackedWidget *m_stack;
    QLabel *m_message;
    QChart *m_cpuChart;
    QChart *m_memChart;
    QValueAxis *m_cpuX;
    QValueAxis *m_cpuY;
    QValueAxis *m_memX;
    QValueAxis *m_memY;
    QHash<QString, QLineSeries *> m_cpu;
    QHash<QString, QLineSeries *> m_mem;
};

} // namespace fleetdeck::ui
