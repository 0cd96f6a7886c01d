-- One unresolved private conversation per person and account: two nodes threading two quick messages
-- from the same person at once cannot open two. The loser of that race retries and joins the winner's.
create unique index conversations_one_open_private
    on conversations (identity_id, channel, account)
    where visibility = 'PRIVATE' and status <> 'RESOLVED';
