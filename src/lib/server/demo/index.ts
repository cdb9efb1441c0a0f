import { seedOrganisation, type DemoUser } from './organisation';
import { seedPortfolio } from './portfolio';
import { seedBenefits } from './benefits';
import { seedBenefitPlans } from './benefit-plans';
import { seedBenefitAttestation } from './benefit-attestation';
import { seedWheels } from './wheel';
import { seedMeetings } from './meetings';
import { seedControl } from './control';
import { seedEvidenceAndNotices } from './control-notices';

/**
 * Fills an empty database with example data. Each area adds its own seeder here, in the
 * order their data depends on each other.
 */
export async function seedDemo(now: Date): Promise<DemoUser[]> {
	const org = await seedOrganisation(now);
	await seedPortfolio(org, now);
	seedBenefits(org, now);
	seedBenefitPlans(org, now);
	seedBenefitAttestation(org, now);
	seedWheels(org, now);
	seedMeetings(org, now);
	seedControl(org, now);
	// Last: the notices are made from everything seeded before (signatures, deviations).
	seedEvidenceAndNotices(org, now);
	return org.users;
}
