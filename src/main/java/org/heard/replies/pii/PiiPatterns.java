package org.heard.replies.pii;

import java.math.BigInteger;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fixed patterns of personal data, each with the check that tells it from look-alikes: card numbers pass
 * Luhn's check and start as issuers' numbers do, IBANs pass their mod-97 check, dates count as birth dates only
 * near "born", "DOB" or "birthday", or with a year a customer could be born in.
 */
final class PiiPatterns {

    // 13 to 19 digits, single spaces or dashes between them, not part of a longer run of digits.
    private static final Pattern CARD = Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![ -]?\\d)");
    private static final Pattern IBAN =
            Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\\b");
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}(?![\\w-])");
    // Royal Mail's postcode format: upper case with or without the space, any case with it.
    private static final String POSTCODE = "(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\\d[A-Z\\d]?%s\\d[ABD-HJLNP-UW-Z]{2})";
    private static final Pattern UK_POSTCODE = Pattern.compile("\\b" + POSTCODE.formatted(" ?") + "\\b");
    private static final Pattern UK_POSTCODE_ANY_CASE =
            Pattern.compile("\\b" + POSTCODE.formatted(" ") + "\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern STREET = Pattern.compile("\\b\\d{1,5}[A-Za-z]?,?\\s+(?:[A-Z][A-Za-z'.-]*\\s+){1,4}"
            + "(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace"
            + "|Close|Crescent|Parkway|Pkwy|Highway|Hwy|Square|Gardens)\\b\\.?");
    private static final Pattern US_ZIP = Pattern.compile("\\b(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY"
            + "|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY)"
            + "\\s+\\d{5}(?:-\\d{4})?\\b");
    private static final String MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
            + "|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
    private static final List<Pattern> DATES = List.of(
            Pattern.compile("\\b\\d{1,2}[/.-]\\d{1,2}[/.-](?<year>\\d{4}|\\d{2})\\b"),
            Pattern.compile("\\b(?<year>\\d{4})-\\d{2}-\\d{2}\\b"),
            Pattern.compile(
                    "\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "\\.?,?\\s+(?<year>\\d{4})\\b",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile(
                    "\\b" + MONTH + "\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+(?<year>\\d{4})\\b",
                    Pattern.CASE_INSENSITIVE));
    private static final Pattern BIRTH_WORDS =
            Pattern.compile("(?i)\\b(?:born|dob|d\\.o\\.b|date of birth|birth ?date|birthday)\\b[^.!?\\n]{0,20}$");

    private PiiPatterns() {}

    static List<PiiFinding> cards(String text) {
        return matches(CARD, text, PiiKind.CARD_NUMBER, m -> card(digits(m.group())));
    }

    static List<PiiFinding> ibans(String text) {
        return matches(IBAN, text, PiiKind.ACCOUNT_NUMBER, m -> iban(m.group().replace(" ", "")));
    }

    static List<PiiFinding> emails(String text) {
        return matches(EMAIL, text, PiiKind.EMAIL_ADDRESS, m -> true);
    }

    static List<PiiFinding> postalAddresses(String text) {
        var found = new ArrayList<PiiFinding>();
        for (var pattern : List.of(UK_POSTCODE, UK_POSTCODE_ANY_CASE, STREET, US_ZIP)) {
            found.addAll(matches(pattern, text, PiiKind.POSTAL_ADDRESS, m -> true));
        }
        return found;
    }

    static List<PiiFinding> datesOfBirth(String text) {
        var found = new ArrayList<PiiFinding>();
        for (var pattern : DATES) {
            found.addAll(matches(pattern, text, PiiKind.DATE_OF_BIRTH, m -> birthDate(text, m)));
        }
        return found;
    }

    /** Luhn's check, for 13 to 19 digits starting as issuers' card numbers do (2 to 6: Mastercard to Discover). */
    static boolean card(String digits) {
        if (digits.length() < 13 || digits.length() > 19 || digits.charAt(0) < '2' || digits.charAt(0) > '6') {
            return false;
        }
        if (digits.chars().distinct().count() == 1) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    /** ISO 13616's check: the country and check digits moved to the end, letters as numbers, mod 97 is 1. */
    static boolean iban(String compact) {
        if (compact.length() < 15 || compact.length() > 34) {
            return false;
        }
        var rearranged = compact.substring(4) + compact.substring(0, 4);
        var numeric = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    private static boolean birthDate(String text, Matcher date) {
        var before = text.substring(Math.max(0, date.start() - 40), date.start());
        if (BIRTH_WORDS.matcher(before).find()) {
            return true;
        }
        var year = date.group("year");
        if (year.length() != 4) {
            return false;
        }
        int born = Integer.parseInt(year);
        int now = Year.now().getValue();
        return born >= now - 100 && born <= now - 16;
    }

    static String digits(String text) {
        return text.replaceAll("\\D", "");
    }

    private static List<PiiFinding> matches(
            Pattern pattern, String text, PiiKind kind, java.util.function.Predicate<Matcher> check) {
        var found = new ArrayList<PiiFinding>();
        var matcher = pattern.matcher(text);
        while (matcher.find()) {
            if (check.test(matcher)) {
                found.add(new PiiFinding(kind, matcher.start(), matcher.end(), matcher.group()));
            }
        }
        return found;
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
