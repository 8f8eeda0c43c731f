#include "kubeconfig/YamlHighlighter.h"

#include "kubeconfig/Kubeconfig.h"

#include <QGuiApplication>
#include <QPalette>
#include <QRegularExpression>
#include <QTextDocument>

#ifdef FLEETDECK_HAVE_KSYNTAXHIGHLIGHTING
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>
#endif

namespace fleetdeck::ui {

namespace {

QTextCharFormat charFormat(const QColor &color, bool italic = false, bool bold = false)
{
    QTextCharFormat f;
    f.setForeground(color);
    if (italic)
        f.setFontItalic(true);
    if (bold)
        f.setFontWeight(QFont::Bold);
    return f;
}

int indentOf(const QString &text)
{
    int i = 0;
    while (i < text.size() && text.at(i) == QLatin1Char(' '))
        ++i;
    return i;
}

// Where a comment starts (a '#' at the start or after a blank, outside quotes), or text.size().
int commentStart(const QString &text)
{
    QChar quote;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            else if (c == QLatin1Char('\\') && quote == QLatin1Char('"'))
                ++i;
            continue;
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('\''))
            quote = c;
        else if (c == QLatin1Char('#') && (i == 0 || text.at(i - 1).isSpace()))
            return i;
    }
    return int(text.size());
}

} // namespace

YamlHighlighter::YamlHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    m_key = charFormat(dark ? QColor(0x7e, 0xe7, 0x87) : QColor(0x11, 0x63, 0x29));
    m_string = charFormat(dark ? QColor(0xa5, 0xd6, 0xff) : QColor(0x0a, 0x30, 0x69));
    m_number = charFormat(dark ? QColor(0x79, 0xc0, 0xff) : QColor(0x05, 0x50, 0xae));
    m_keyword = charFormat(dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xcf, 0x22, 0x2e));
    m_comment = charFormat(dark ? QColor(0x8b, 0x94, 0x9e) : QColor(0x6e, 0x77, 0x81), true);
    m_anchor = charFormat(dark ? QColor(0xff, 0xa6, 0x57) : QColor(0x95, 0x38, 0x00));
    m_punctuation = charFormat(dark ? QColor(0xd2, 0xa8, 0xff) : QColor(0x82, 0x50, 0xdf), false, true);
    m_secret = charFormat(dark ? QColor(0x6e, 0x76, 0x81) : QColor(0x8c, 0x95, 0x9f), true);
    m_marker = charFormat(m_keyword.foreground().color(), false, true);
    const QColor bar = dark ? QColor(0x48, 0x4f, 0x58) : QColor(0xaf, 0xb8, 0xc1);
    m_hiddenSecret.setForeground(bar);
    m_hiddenSecret.setBackground(bar);
}

void YamlHighlighter::setSecretsHidden(bool hidden)
{
    if (hidden == m_secretsHidden)
        return;
    m_secretsHidden = hidden;
    rehighlight();
}

void YamlHighlighter::highlightBlock(const QString &text)
{
    // Inside a block scalar (| or >): state = parent indent * 2 + secret flag.
    const int previous = previousBlockState();
    const int indent = indentOf(text);
    if (previous >= 0) {
        const int parentIndent = previous >> 1;
        if (text.trimmed().isEmpty() || indent > parentIndent) {
            setFormat(0, int(text.size()), (previous & 1) ? secretFormat() : m_string);
            setCurrentBlockState(previous);
            return;
        }
    }
    setCurrentBlockState(-1);
    if (text.isEmpty())
        return;

    const int end = commentStart(text);
    if (end < text.size())
        setFormat(end, int(text.size()) - end, m_comment);
    if (text.startsWith(QLatin1String("---")) || text.startsWith(QLatin1String("..."))) {
        setFormat(0, 3, m_marker);
        return;
    }

    int p = indent;
    while (p < end && text.at(p) == QLatin1Char('-') && (p + 1 >= end || text.at(p + 1) == QLatin1Char(' '))) {
        setFormat(p, 1, m_punctuation);
        p += 2;
        while (p < end && text.at(p) == QLatin1Char(' '))
            ++p;
    }
    if (p >= end)
        return;

    static const QRegularExpression key(QStringLiteral(R"(("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{}\[\],:&*!|>][^#]*?)\s*:(?=\s|$))"));
    const QRegularExpressionMatch m = key.match(text, p, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
    if (m.hasMatch() && m.capturedEnd(0) <= end) {
        const int keyStart = int(m.capturedStart(1));
        setFormat(keyStart, int(m.capturedLength(1)), m_key);
        QString name = m.captured(1);
        if (name.startsWith(QLatin1Char('"')) || name.startsWith(QLatin1Char('\'')))
            name = name.mid(1, name.size() - 2);
        const bool secret = kubeconfig::isSecretKey(name.trimmed());
        const int valueStart = int(m.capturedEnd(0));
        const QString value = text.mid(valueStart, end - valueStart).trimmed();
        if (value.startsWith(QLatin1Char('|')) || value.startsWith(QLatin1Char('>'))) {
            setFormat(valueStart, end - valueStart, m_keyword);
            setCurrentBlockState((keyStart << 1) | (secret ? 1 : 0));
            return;
        }
        highlightValue(text.left(end), valueStart, secret);
        return;
    }
    highlightValue(text.left(end), p, false);
}

void YamlHighlighter::highlightValue(const QString &text, int start, bool secret)
{
    int p = start;
    while (p < text.size() && text.at(p).isSpace())
        ++p;
    const int end = int(text.size());
    if (p >= end)
        return;
    if (secret) {
        setFormat(p, end - p, secretFormat());
        return;
    }
    // Anchors, aliases and tags come first, then the value.
    while (p < end && (text.at(p) == QLatin1Char('&') || text.at(p) == QLatin1Char('*') || text.at(p) == QLatin1Char('!'))) {
        int q = p;
        while (q < end && !text.at(q).isSpace())
            ++q;
        setFormat(p, q - p, m_anchor);
        p = q;
        while (p < end && text.at(p).isSpace())
            ++p;
    }
    if (p >= end)
        return;
    const QChar c = text.at(p);
    if (c == QLatin1Char('{') || c == QLatin1Char('[')) {
        highlightFlow(text, p, end);
        return;
    }
    if (c == QLatin1Char('|') || c == QLatin1Char('>')) {
        setFormat(p, end - p, m_keyword);
        return;
    }
    const QString value = text.mid(p).trimmed();
    static const QRegularExpression number(QStringLiteral(R"(^[-+]?(\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|\.inf|\.nan)$)"));
    static const QRegularExpression keyword(QStringLiteral(R"(^(true|false|True|False|TRUE|FALSE|yes|no|null|Null|NULL|~)$)"));
    if (number.match(value).hasMatch())
        setFormat(p, int(value.size()), m_number);
    else if (keyword.match(value).hasMatch())
        setFormat(p, int(value.size()), m_keyword);
    else
        setFormat(p, end - p, m_string);
}

void YamlHighlighter::highlightFlow(const QString &text, int start, int end)
{
    bool secretValue = false;
    for (int i = start; i < end; ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('{') || c == QLatin1Char('}') || c == QLatin1Char('[') || c == QLatin1Char(']') || c == QLatin1Char(',')) {
            setFormat(i, 1, m_punctuation);
            secretValue = false;
            continue;
        }
        if (c.isSpace())
            continue;
        // A word up to the next separator: a key when a ':' follows.
        int j = i;
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            j = int(text.indexOf(c, i + 1));
            j = j < 0 ? end : j + 1;
        } else {
            while (j < end && !QStringView(u",{}[]").contains(text.at(j)) && !(text.at(j) == QLatin1Char(':') && (j + 1 >= end || text.at(j + 1).isSpace())))
                ++j;
        }
        int k = j;
        while (k < end && text.at(k) == QLatin1Char(' '))
            ++k;
        if (k < end && text.at(k) == QLatin1Char(':')) {
            setFormat(i, j - i, m_key);
            secretValue = kubeconfig::isSecretKey(text.mid(i, j - i).trimmed());
            i = k;
        } else {
            setFormat(i, j - i, secretValue ? secretFormat() : m_string);
            i = j - 1;
        }
    }
}

QObject *attachYamlHighlighter(QTextDocument *document)
{
#ifdef FLEETDECK_HAVE_KSYNTAXHIGHLIGHTING
    static KSyntaxHighlighting::Repository repository;
    auto *highlighter = new KSyntaxHighlighting::SyntaxHighlighter(document);
    highlighter->setDefinition(repository.definitionForName(QStringLiteral("YAML")));
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    highlighter->setTheme(repository.defaultTheme(dark ? KSyntaxHighlighting::Repository::DarkTheme
                                                       : KSyntaxHighlighting::Repository::LightTheme));
    return highlighter;
#else
    return new YamlHighlighter(document);
#endif
}

} // namespace fleetdeck::ui
