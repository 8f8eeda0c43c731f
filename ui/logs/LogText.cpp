#include "logs/LogText.h"

namespace fleetdeck::ui {

namespace {

QString replicaName(int index, const QStringList &replicas)
{
    return index < replicas.size() ? replicas.at(index) : QString::number(index);
}

void appendLine(QByteArray &out, const LogStore &store, qint64 seq, const LogTextFormat &format,
                std::vector<QByteArray> &replicaUtf8)
{
    if (format.timestamps) {
        const QByteArrayView ts = store.timestamp(seq);
        if (!ts.isEmpty()) {
            out.append(ts);
            out.append(' ');
        }
    }
    const int r = store.replica(seq);
    if (size_t(r) >= replicaUtf8.size())
        replicaUtf8.resize(size_t(r) + 1);
    if (replicaUtf8[size_t(r)].isEmpty())
        replicaUtf8[size_t(r)] = replicaName(r, format.replicas).toUtf8() + " | ";
    out.append(replicaUtf8[size_t(r)]);
    out.append(store.text(seq));
    out.append('\n');
}

} // namespace

QString logLinePrefix(const LogStore &store, qint64 seq, const LogTextFormat &format)
{
    QString p;
    if (format.timestamps) {
        const QByteArrayView ts = store.timestamp(seq);
        if (!ts.isEmpty())
            p += QString::fromUtf8(ts) + QLatin1Char(' ');
    }
    p += replicaName(store.replica(seq), format.replicas) + QStringLiteral(" | ");
    return p;
}

QString logLineText(const LogStore &store, qint64 seq, const LogTextFormat &format)
{
    return logLinePrefix(store, seq, format) + QString::fromUtf8(store.text(seq));
}

QByteArray renderLogExport(const LogExport &snapshot)
{
    QByteArray out;
    std::vector<QByteArray> replicaUtf8;   // encoded once, not once per line
    const LogStore &store = snapshot.lines;
    // Reserve from the first lines' average: one or two reallocations instead of ~30.
    const qint64 n = snapshot.lineCount();
    if (n > 0) {
        const qint64 sample = std::min<qint64>(n, 256);
        QByteArray probe;
        for (qint64 i = 0; i < sample; ++i)
            appendLine(probe, store, snapshot.seqs ? (*snapshot.seqs)[size_t(i)] : store.firstSeq() + i, snapshot.format,
                       replicaUtf8);
        out.reserve(qsizetype(double(probe.size()) / double(sample) * double(n) * 1.05) + 64);
    }
    if (snapshot.seqs) {
        for (qint64 seq : *snapshot.seqs)
            appendLine(out, store, seq, snapshot.format, replicaUtf8);
    } else {
        for (qint64 seq = store.firstSeq(); seq < store.endSeq(); ++seq)
            appendLine(out, store, seq, snapshot.format, replicaUtf8);
    }
    return out;
}

} // namespace fleetdeck::ui
