-- How a person signs replies where the team signs with a name ("Ana, Billing team"); null signs with their name.
alter table users add column signs_as varchar(60);
