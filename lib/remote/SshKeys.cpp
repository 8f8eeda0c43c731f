// SshKeys: fingerprint formatting and private-key inspection (no libssh: pure, unit-tested).

#include "remote/SshKeys.h"

#include <QRegularExpression>

namespace fleetdeck {

QString sha256Fingerprint(const QByteArray &rawDigest)
{
    return QStringLiteral("SHA256:")
        + QString::fromLatin1(rawDigest.toBase64(QByteArray::Base64Encoding | QByteArray::OmitTrailingEquals));
}

bool isSha256Fingerprint(const QString &fingerprint)
{
    static const QRegularExpression pattern(QStringLiteral("^SHA256:[A-Za-z0-9+/]{43}$"));
    return pattern.match(fingerprint).hasMatch();
}

namespace {

// The body between the BEGIN and END lines, base64-decoded (header lines such as "Proc-Type:" skipped).
QByteArray pemBody(const QByteArray &text, const QByteArray &label)
{
    const QByteArray begin = "-----BEGIN " + label + "-----";
    const QByteArray end = "-----END " + label + "-----";
    const qsizetype from = text.indexOf(begin);
    const qsizetype to = text.indexOf(end);
    if (from < 0 || to < 0 || to < from)
        return {};
    QByteArray base64;
    const QList<QByteArray> lines = text.mid(from + begin.size(), to - from - begin.size()).split('\n');
    for (const QByteArray &raw : lines) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty() || line.contains(':'))
            continue;
        base64 += line;
    }
    return QByteArray::fromBase64(base64);
}

} // namespace

PrivateKeyProtection privateKeyProtection(const QByteArray &fileContent)
{
    if (fileContent.contains("-----BEGIN OPENSSH PRIVATE KEY-----")) {
        // openssh-key-v1\0, then string ciphername (uint32 length, bytes): "none" when unencrypted.
        const QByteArray body = pemBody(fileContent, "OPENSSH PRIVATE KEY");
        static const QByteArray magic("openssh-key-v1", 15); // includes the terminating NUL
        if (!body.startsWith(magic) || body.size() < magic.size() + 4)
            return PrivateKeyProtection::NotAKey;
        const auto *p = reinterpret_cast<const uchar *>(body.constData() + magic.size());
        const quint32 length = (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
        if (body.size() < magic.size() + 4 + qsizetype(length))
            return PrivateKeyProtection::NotAKey;
        const QByteArray cipher = body.mid(magic.size() + 4, length);
        return cipher == "none" ? PrivateKeyProtection::Unencrypted : PrivateKeyProtection::Encrypted;
    }
    if (fileContent.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----"))
        return PrivateKeyProtection::Encrypted;
    static const QRegularExpression pemKey(QStringLiteral("-----BEGIN (RSA |EC |DSA )?PRIVATE KEY-----"));
    if (pemKey.match(QString::fromLatin1(fileContent)).hasMatch())
        return fileContent.contains("Proc-Type: 4,ENCRYPTED") ? PrivateKeyProtection::Encrypted
                                                              : PrivateKeyProtection::Unencrypted;
    return PrivateKeyProtection::NotAKey;
}

} // namespace fleetdeck
