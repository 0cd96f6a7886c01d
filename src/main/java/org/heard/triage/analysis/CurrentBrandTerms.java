package org.heard.triage.analysis;

/** Where the analyser finds the brand terms in force now, without a query per message. */
@FunctionalInterface
public interface CurrentBrandTerms {

    BrandVocabulary vocabulary();
}
