-- Nothing: H2 homes drop here what earlier versions stored; PostgreSQL never had it (V1 is already lean).
SELECT 1;
