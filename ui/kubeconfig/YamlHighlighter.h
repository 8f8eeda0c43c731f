// YamlHighlighter: a small built-in YAML highlighter (keys, strings, numbers, booleans, comments,
// anchors, block scalars; secret values dimmed). Used when KSyntaxHighlighting is not available.
// Works line by line (block scalars carry their indentation as block state), so typing in a 1 MB
// file only re-highlights the lines that changed.
#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace fleetdeck::ui {

class YamlHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit YamlHighlighter(QTextDocument *document);

    // Secret values (client-key-data, token, password, ...) painted as solid bars: still editable,
    // unreadable on a shared screen. On by default.
    void setSecretsHidden(bool hidden);
    bool secretsHidden() const { return m_secretsHidden; }
    QTextCharFormat secretFormat() const { return m_secretsHidden ? m_hiddenSecret : m_secret; }

protected:
    void highlightBlock(const QString &text) override;

private:
    void highlightValue(const QString &text, int start, bool secret);
    void highlightFlow(const QString &text, int start, int end);

    QTextCharFormat m_key, m_string, m_number, m_keyword, m_comment, m_anchor, m_punctuation, m_secret, m_hiddenSecret, m_marker;
    bool m_secretsHidden = true;
};

// Creates the highlighter for `document`: KSyntaxHighlighting's YAML definition when Fleetdeck was
// built with it, the built-in one otherwise. The document owns it.
QObject *attachYamlHighlighter(QTextDocument *document);

} // namespace fleetdeck::ui
