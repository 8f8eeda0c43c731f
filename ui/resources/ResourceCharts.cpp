#include "resources/ResourceCharts.h"

#include "widgets/Watch.h"
#include "services/Operations.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QStackedWidget>
#include <QValueAxis>
#include <QVBoxLayout>

namespace fleetdeck::ui {

namespace {
constexpr int kWindowSeconds = 300;   // what the x axis shows

QChart *makeChart(const QString &title, QValueAxis **x, QValueAxis **y, const QString &unit)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    *x = new QValueAxis(chart);
    (*x)->setTitleText(ResourceCharts::tr("seconds"));
    (*x)->setLabelFormat(QStringLiteral("%d"));
    (*x)->setRange(0, 60);
    *y = new QValueAxis(chart);
    (*y)->setTitleText(unit);
    (*y)->setLabelFormat(QStringLiteral("%.1f"));
    (*y)->setRange(0, 1);
    chart->addAxis(*x, Qt::AlignBottom);
    chart->addAxis(*y, Qt::AlignLeft);
    return chart;
}
} // namespace

ResourceCharts::ResourceCharts(std::shared_ptr<OperationsService> ops, QWidget *parent)
    : QWidget(parent)
    , m_ops(std::move(ops))
{
    setObjectName(QStringLiteral("resourceCharts"));
    auto *layout = new QVBoxLayout(this);
    m_stack = new QStackedWidget(this);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("metricsMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_cpuChart = makeChart(tr("CPU per replica"), &m_cpuX, &m_cpuY, tr("% of one CPU"));
    m_memChart = makeChart(tr("Memory per replica"), &m_memX, &m_memY, tr("MiB"));
    auto *charts = new QWidget(this);
    auto *h = new QHBoxLayout(charts);
    h->setContentsMargins(0, 0, 0, 0);
    auto *cpuView = new QChartView(m_cpuChart, charts);
    cpuView->setObjectName(QStringLiteral("cpuChart"));
    cpuView->setAccessibleName(tr("CPU per replica chart"));
    cpuView->setRenderHint(QPainter::Antialiasing);
    auto *memView = new QChartView(m_memChart, charts);
    memView->setObjectName(QStringLiteral("memoryChart"));
    memView->setAccessibleName(tr("Memory per replica chart"));
    memView->setRenderHint(QPainter::Antialiasing);
    h->addWidget(cpuView);
    h->addWidget(memView);
    m_stack->addWidget(m_message);
    m_stack->addWidget(charts);
    layout->addWidget(m_stack);
    m_message->setText(tr("Select an application to see its CPU and memory."));
    m_timer.setInterval(5000);
    connect(&m_timer, &QTimer::timeout, this, &ResourceCharts::refresh);
}

QString ResourceCharts::message() const
{
    return m_message->text();
}

void ResourceCharts::clearSeries()
{
    m_cpuChart->removeAllSeries();
    m_memChart->removeAllSeries();
    m_cpu.clear();
    m_mem.clear();
}

void ResourceCharts::setApplication(qint64 appId)
{
    if (appId == m_appId)
        return;
    m_appId = appId;
    clearSeries();
    m_available = false;
    m_started = QDateTime::currentMSecsSinceEpoch();
    m_message->setText(appId ? tr("Loading metrics…") : tr("Select an application to see its CPU and memory."));
    m_stack->setCurrentWidget(m_message);
    if (appId && isVisible())
        refresh();
}

void ResourceCharts::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_timer.start();
    refresh();
}

void ResourceCharts::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_timer.stop();   // nothing is polled for a chart nobody sees
}

QLineSeries *ResourceCharts::seriesFor(QHash<QString, QLineSeries *> &map, QChart *chart, QValueAxis *x, QValueAxis *y,
                                       const QString &name)
{
    if (QLineSeries *s = map.value(name))
        return s;
    auto *s = new QLineSeries(chart);
    s->setName(name);
    chart->addSeries(s);
    s->attachAxis(x);
    s->attachAxis(y);
    map.insert(name, s);
    return s;
}

void ResourceCharts::refresh()
{
    if (!m_appId || m_inFlight)
        return;
    m_inFlight = true;
    const qint64 appId = m_appId;
    watch(this, m_ops->resourcesAsync(appId), [this, appId](const Result<QList<ResourceUsage>> &r) {
        m_inFlight = false;
        if (appId != m_appId)
            return;
        if (!r || r->isEmpty()) {
            m_available = false;
            if (!r && (r.error().kind == ErrorKind::NotSupported || r.error().toString().contains(QStringLiteral("etrics"))))
                m_message->setText(tr("Metrics not available.\n\n%1").arg(r.error().message));
            else if (!r)
                m_message->setText(tr("Cannot read metrics: %1").arg(r.error().toString()));
            else
                m_message->setText(tr("Metrics not available: no replica is running."));
            m_stack->setCurrentWidget(m_message);
            Q_EMIT refreshed(false);
            return;
        }
        m_available = true;
        m_stack->setCurrentIndex(1);
        const double t = double(QDateTime::currentMSecsSinceEpoch() - m_started) / 1000.0;
        double cpuMax = m_cpuY->max();
        double memMax = m_memY->max();
        for (const ResourceUsage &u : *r) {
            QLineSeries *c = seriesFor(m_cpu, m_cpuChart, m_cpuX, m_cpuY, u.replica);
            QLineSeries *m = seriesFor(m_mem, m_memChart, m_memX, m_memY, u.replica);
            const double mib = double(u.memoryBytes) / (1024.0 * 1024.0);
            c->append(t, u.cpuPercent);
            m->append(t, mib);
            for (QLineSeries *s : {c, m})
                while (s->count() > 0 && s->at(0).x() < t - kWindowSeconds)
                    s->remove(0);
            cpuMax = std::max(cpuMax, u.cpuPercent * 1.2);
            memMax = std::max(memMax, mib * 1.2);
        }
        const double from = std::max(0.0, t - kWindowSeconds);
        m_cpuX->setRange(from, std::max(from + 60, t));
        m_memX->setRange(from, std::max(from + 60, t));
        m_cpuY->setRange(0, std::max(1.0, cpuMax));
        m_memY->setRange(0, std::max(1.0, memMax));
        m_cpuY->applyNiceNumbers();
        m_memY->applyNiceNumbers();
        Q_EMIT refreshed(true);
    });
}

} // namespace fleetdeck::ui
