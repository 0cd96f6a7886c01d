package org.heard.triage.hours;

import org.heard.channels.Visibility;
import org.heard.platform.Refused;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an away reply says, one text for public conversations and one for private ones. {@code
 * {opening}} in a text becomes when the team is back, such as "at 09:00 (UK time)".
 */
@Repository
@Transactional
class AwayTexts {

    /** A public reply must fit X's 280 characters once {opening} is filled in. */
    static final int PUBLIC_LIMIT = 230;

    static final int PRIVATE_LIMIT = 450;

    private final JdbcClient jdbc;

    AwayTexts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Both texts, checked before saving. */
    record Texts(String publicText, String privateText) {

        Texts {
            publicText = checked(publicText, "publicText", PUBLIC_LIMIT);
            privateText = checked(privateText, "privateText", PRIVATE_LIMIT);
        }

        String forVisibility(Visibility visibility) {
            return visibility == Visibility.PUBLIC ? publicText : privateText;
        }
    }

    @Transactional(readOnly = true)
    Texts texts() {
        return new Texts(text(Visibility.PUBLIC), text(Visibility.PRIVATE));
    }

    void save(Texts texts) {
        jdbc.sql("update triage_away_texts set text = ? where visibility = 'PUBLIC'")
                .param(texts.publicText())
                .update();
        jdbc.sql("update triage_away_texts set text = ? where visibility = 'PRIVATE'")
                .param(texts.privateText())
                .update();
    }

    private String text(Visibility visibility) {
        return jdbc.sql("select text from triage_away_texts where visibility = ?")
                .param(visibility.name())
                .query(String.class)
                .single();
    }

    /** Automated texts are never blank and fit the networks' limits. */
    static String checked(String text, String field, int limit) {
        if (text == null || text.isBlank()) {
            throw new Refused(field + " cannot be empty; say what the customer should know.");
        }
        var stripped = text.strip();
        if (stripped.codePointCount(0, stripped.length()) > limit) {
            throw new Refused(field + " has " + stripped.codePointCount(0, stripped.length())
                    + " characters; keep it to " + limit + " so it fits every network.");
        }
        return stripped;
    }
}
