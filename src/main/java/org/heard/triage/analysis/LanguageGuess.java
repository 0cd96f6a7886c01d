package org.heard.triage.analysis;

import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The language of a message, by Optimaize's n-gram detector (71 built-in language profiles, about
 * 13 MB of heap). The profiles load on a background thread, so that Heard starts without waiting a
 * second for them; the first message waits for them instead. Texts with too few letters to tell
 * get no language rather than a guess.
 */
final class LanguageGuess {

    private static final int MIN_LETTERS = 12;
    // The first few sentences tell the language as well as the whole text, in a fraction of the time.
    private static final int MAX_CHARS = 500;

    private final CompletableFuture<LanguageDetector> detector;
    private final TextObjectFactory texts = CommonTextObjectFactories.forDetectingShortCleanText();

    LanguageGuess() {
        this.detector = CompletableFuture.supplyAsync(LanguageGuess::load);
    }

    /** The ISO 639-1 code, or null when the text is too short or too mixed to tell. */
    @Nullable
    String of(String text) {
        String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        if (sample.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) {
            return null;
        }
        // Without its profiles Heard still reads sentiment and signals; the language is just unknown.
        LanguageDetector languages = detector.exceptionally(failure -> null).join();
        if (languages == null) {
            return null;
        }
        return languages
                .detect(texts.forText(sample))
                .transform(locale -> locale.getLanguage())
                .orNull();
    }

    private static LanguageDetector load() {
        try {
            return LanguageDetectorBuilder.create(NgramExtractors.standard())
                    .withProfiles(new LanguageProfileReader().readAllBuiltIn())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the language profiles", e);
        }
    }
}
