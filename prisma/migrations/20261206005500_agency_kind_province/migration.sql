-- The province itself as an assessed unit: its own PAR INDEX self-assessment (issue 17, item 7).
ALTER TYPE "AgencyKind" ADD VALUE 'PROVINCE';
