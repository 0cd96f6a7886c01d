-- Words and phrases with a meaning special to this company, set by supervisors for the analyser:
-- a valence on VADER's scale and, optionally, the signal the term raises.
create table triage_brand_terms (
    term       varchar(100) primary key check (term = lower(btrim(term)) and term <> ''),
    valence    double precision not null check (valence between -4 and 4),
    signal     varchar(40) check (signal in ('safety', 'legal', 'outage', 'charged-twice', 'refund', 'cancelled',
                                             'still-waiting', 'repeated-contact', 'cancel-service')),
    updated_at timestamp with time zone not null
);
