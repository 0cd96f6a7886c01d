package org.heard.replies.pii;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds personal data in a text: payment card numbers (Luhn-checked), account numbers (the team's own patterns,
 * and IBANs with their checksum), email addresses, dates of birth, phone numbers and postal addresses (UK
 * postcodes, US street lines and ZIP codes). Where two findings overlap, the kind listed first in {@link PiiKind}
 * wins: a card number is never also reported as a phone number.
 *
 * <p>A phone number is what libphonenumber finds valid for one of the team's regions, or in international form;
 * a number right after a word such as "order", "ticket", "case" or "ref" (with an optional "no.", "#" or ":") is an
 * order or ticket number, not a phone number. The brand's own addresses and numbers may be allowed.
 */
public final class PiiDetector {

    private static final Pattern REFERENCE_BEFORE = Pattern.compile(
            "(?i)(?:\\b(?:order|ticket|case|ref|reference|invoice|tracking|booking|confirmation|policy|parcel"
                    + "|shipment|transaction|serial|claim|incident)\\s*(?:no\\.?|number|num|id|#)?\\s*[:#-]?"
                    + "|#)\\s*$");

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final List<com.google.re2j.Pattern> accountPatterns;
    private final List<String> phoneRegions;
    private final Set<String> allowed;

    /**
     * @param accountPatterns RE2 patterns of the company's account numbers, such as {@code \bAC-\d{8}\b}
     * @param phoneRegions the regions (ISO 3166 codes, such as GB and US) whose national phone formats count
     * @param allowed the brand's own email addresses, phone numbers and domains ({@code @brand.example}), never
     *     reported
     * @throws IllegalArgumentException when a pattern or region is not valid, saying which
     */
    public PiiDetector(List<String> accountPatterns, List<String> phoneRegions, List<String> allowed) {
        this.accountPatterns = accountPatterns.stream()
                .filter(p -> !p.isBlank())
                .map(PiiDetector::compiled)
                .toList();
        this.phoneRegions = phoneRegions.stream()
                .filter(r -> !r.isBlank())
                .map(r -> r.strip().toUpperCase(java.util.Locale.ROOT))
                .toList();
        for (var region : this.phoneRegions) {
            if (!phones.getSupportedRegions().contains(region)) {
                throw new IllegalArgumentException("heard.replies.pii.phone-regions: " + region
                        + " is not a region libphonenumber knows; use ISO 3166 codes such as GB or US.");
            }
        }
        this.allowed = allowed.stream()
                .filter(a -> !a.isBlank())
                .map(PiiDetector::normalised)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The personal data in the text, in the order it appears, none overlapping. */
    public List<PiiFinding> find(String text) {
        var candidates = new ArrayList<PiiFinding>();
        candidates.addAll(PiiPatterns.cards(text));
        candidates.addAll(accounts(text));
        candidates.addAll(PiiPatterns.emails(text));
        candidates.addAll(PiiPatterns.datesOfBirth(text));
        candidates.addAll(phones(text));
        candidates.addAll(PiiPatterns.postalAddresses(text));
        candidates.sort(Comparator.comparing(PiiFinding::kind)
                .thenComparing(f -> -(f.end() - f.start()))
                .thenComparing(PiiFinding::start));
        var kept = new ArrayList<PiiFinding>();
        for (var candidate : candidates) {
            if (kept.stream().noneMatch(candidate::overlaps) && !allowed(candidate)) {
                kept.add(candidate);
            }
        }
        kept.sort(Comparator.comparing(PiiFinding::start));
        return List.copyOf(kept);
    }

    /** The text with every finding masked, as Heard shows it. */
    public static String masked(String text, List<PiiFinding> findings) {
        var masked = new StringBuilder();
        int from = 0;
        for (var finding : findings.stream()
                .sorted(Comparator.comparing(PiiFinding::start))
                .toList()) {
            if (finding.start() < from || finding.end() > text.length()) {
                continue;
            }
            masked.append(text, from, finding.start()).append(finding.masked());
            from = finding.end();
        }
        return masked.append(text.substring(from)).toString();
    }

    private List<PiiFinding> accounts(String text) {
        var found = new ArrayList<>(PiiPatterns.ibans(text));
        for (var pattern : accountPatterns) {
            var matcher = pattern.matcher(text);
            while (matcher.find()) {
                if (matcher.end() > matcher.start()) {
                    found.add(new PiiFinding(PiiKind.ACCOUNT_NUMBER, matcher.start(), matcher.end(), matcher.group()));
                }
            }
        }
        return found;
    }

    private List<PiiFinding> phones(String text) {
        var found = new ArrayList<PiiFinding>();
        // An international number (+44 …) is found whatever the region; the regions add their national formats.
        var regions = phoneRegions.isEmpty() ? List.of("ZZ") : phoneRegions;
        for (var region : regions) {
            for (var match : phones.findNumbers(text, region, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
                int start = match.start();
                var before = text.substring(Math.max(0, start - 30), start);
                if (!REFERENCE_BEFORE.matcher(before).find()) {
                    found.add(new PiiFinding(PiiKind.PHONE_NUMBER, start, match.end(), match.rawString()));
                }
            }
        }
        return found;
    }

    private boolean allowed(PiiFinding finding) {
        if (allowed.isEmpty()) {
            return false;
        }
        var value = normalised(finding.found());
        if (finding.kind() == PiiKind.EMAIL_ADDRESS) {
            return allowed.contains(value) || allowed.contains(value.substring(value.indexOf('@')));
        }
        return allowed.contains(value);
    }

    /** Email addresses in lower case, numbers as their digits alone, so "0800 123 456" allows "0800123456". */
    private static String normalised(String value) {
        var stripped = value.strip();
        if (stripped.contains("@")) {
            return PiiPatterns.lower(stripped);
        }
        var digits = PiiPatterns.digits(stripped);
        return digits.isEmpty() ? PiiPatterns.lower(stripped) : digits;
    }

    private static com.google.re2j.Pattern compiled(String pattern) {
        try {
            return com.google.re2j.Pattern.compile(pattern);
        } catch (com.google.re2j.PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "heard.replies.pii.account-patterns: " + pattern + " is not a valid RE2 pattern: "
                            + e.getDescription(),
                    e);
        }
    }
}
