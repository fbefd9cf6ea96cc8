-- A misconduct report that ends without revocation (not verified, or not approved) is a status event too.
ALTER TYPE "TalentStatusEventKind" ADD VALUE 'misconduct_dismissed' AFTER 'misconduct_verified';
