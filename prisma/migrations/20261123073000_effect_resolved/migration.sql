-- A parked effect an operator marked as handled on the incidents page.
ALTER TYPE "EffectStatus" ADD VALUE 'resolved';
