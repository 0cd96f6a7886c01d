package org.heard.triage.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a message into tokens: VADER's way ({@code SentiText} in vaderSentiment 3.3.2: split on
 * white space, strip punctuation around a word unless that leaves two characters or fewer, which
 * keeps emoticons such as ":(") or the social way, which also sets emoji apart from the words they
 * touch, joins known phrases and reads stretched words ("pleaaase") as the word they stretch.
 */
final class Tokens {

    // Python's string.punctuation, which VADER strips from both ends of a token.
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    private static final Pattern RUN_OF_THREE = Pattern.compile("(\\p{L})\\1{2,}");

    // "like" is liking only after someone who likes: "I like it", "really like"; "tasted like rubber"
    // and "like 3 hours" are comparisons, which VADER's lexicon scores as praise.
    private static final Set<String> LIKERS = Set.of(
            "i",
            "we",
            "you",
            "they",
            "he",
            "she",
            "really",
            "would",
            "do",
            "did",
            "also",
            "definitely",
            "still",
            "totally",
            "i'd",
            "we'd",
            "don't",
            "didn't",
            "dont",
            "didnt",
            "not",
            "always",
            "actually");

    private Tokens() {}

    static List<Token> vader(String text) {
        var tokens = new ArrayList<Token>();
        for (String word : words(text)) {
            String stripped = strip(word);
            tokens.add(Token.of(stripped.length() <= 2 ? word : stripped));
        }
        return tokens;
    }

    static List<Token> social(String text, Lexicon lexicon) {
        var tokens = new ArrayList<Token>();
        for (String word : words(lexicon.joinPhrases(Emoji.setApart(text)))) {
            var token = Token.of(word);
            String emoji = Emoji.key(word, lexicon);
            if (emoji != null) {
                token = new Token(word, emoji, false);
            } else if (!lexicon.contains(token.lower())) {
                String stripped = strip(word);
                token = stripped.isEmpty() ? token : stretched(Token.of(stripped), lexicon);
            }
            tokens.add(comparison(token, tokens) ? new Token(token.text(), "like (comparison)", false) : token);
        }
        return tokens;
    }

    private static boolean comparison(Token token, List<Token> before) {
        return token.lower().equals("like")
                && (before.isEmpty() || !LIKERS.contains(before.getLast().lower()));
    }

    /** VADER's "cap differential": some tokens are all capitals and some are not. */
    static boolean someShouted(List<Token> tokens) {
        long shouted = tokens.stream().filter(Token::shouted).count();
        return shouted > 0 && shouted < tokens.size();
    }

    /** A whole message in capitals ("THIS IS A JOKE") shouts every word; VADER misses it. */
    static boolean allShouted(List<Token> tokens) {
        long words = tokens.stream()
                .filter(t -> t.text().codePoints().anyMatch(Character::isLetter))
                .count();
        return words >= 3 && tokens.stream().filter(Token::shouted).count() == words;
    }

    // "sooo" is "so" and "goooood" is "good": try runs of three or more letters as two, then as one.
    private static Token stretched(Token token, Lexicon lexicon) {
        Matcher runs = RUN_OF_THREE.matcher(token.lower());
        if (lexicon.contains(token.lower()) || !runs.find()) {
            return token;
        }
        String asTwo = RUN_OF_THREE.matcher(token.lower()).replaceAll("$1$1");
        String asOne = RUN_OF_THREE.matcher(token.lower()).replaceAll("$1");
        for (String candidate : List.of(asTwo, asOne)) {
            if (lexicon.contains(candidate) || SentimentRules.boost(candidate) != 0) {
                return new Token(token.text(), candidate, true);
            }
        }
        return token;
    }

    private static List<String> words(String text) {
        var words = new ArrayList<String>();
        for (String word : text.split("[\\s\\u00a0\\u2000-\\u200a\\u2028\\u2029\\u3000]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    private static String strip(String word) {
        int start = 0;
        int end = word.length();
        while (start < end && PUNCTUATION.indexOf(word.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && PUNCTUATION.indexOf(word.charAt(end - 1)) >= 0) {
            end--;
        }
        return word.substring(start, end);
    }
}
