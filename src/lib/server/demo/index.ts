import { seedOrganisation, type DemoUser } from './organisation';
import { seedBenefits } from './benefits';

/**
 * Fills an empty database with example data. Each area adds its own seeder here, in the
 * order their data depends on each other.
 */
export async function seedDemo(): Promise<DemoUser[]> {
	const org = await seedOrganisation();
	seedBenefits(org);
	return org.users;
}
