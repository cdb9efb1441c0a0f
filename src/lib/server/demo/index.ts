import { seedOrganisation, type DemoUser } from './organisation';
import { seedPortfolio } from './portfolio';
import { seedBenefits } from './benefits';
import { seedWheels } from './wheel';

/**
 * Fills an empty database with example data. Each area adds its own seeder here, in the
 * order their data depends on each other.
 */
export async function seedDemo(): Promise<DemoUser[]> {
	const org = await seedOrganisation();
	await seedPortfolio(org);
	seedBenefits(org);
	seedWheels(org);
	return org.users;
}
