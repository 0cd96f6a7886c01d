package org.heard.triage.analysis;

import org.springframework.data.jpa.repository.JpaRepository;

/** The supervisors' brand terms, keyed by the normalised term. */
interface BrandTerms extends JpaRepository<BrandTerm, String> {}
