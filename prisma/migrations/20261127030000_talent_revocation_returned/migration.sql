-- AlterEnum: the leading group's return of a revocation for verification again is a status event
-- (in the enum's order, after revocation_approved, as schema.prisma lists it).
ALTER TYPE "TalentStatusEventKind" ADD VALUE 'revocation_returned' AFTER 'revocation_approved';
