/**
 * The built-in sample: a short, entirely fictional wire story (invented country, city, people
 * and figures) in the shape Claimdesk imports — a dated first line, figures, and quotes from
 * officials. Used by the first-run demo and by the tests.
 */

/** File name the sample is imported under (its title comes from it). */
export const SAMPLE_FILE_NAME = 'Unrest in Verano after fuel price rise.txt';

/** Origin key that marks the sample document, so opening it twice does not duplicate it. */
export const SAMPLE_ORIGIN = 'sample:1';

/** The sample article as plain text. */
export const SAMPLE_ARTICLE = `date 2026-03-14 Security forces in the Republic of Verano fired on protesters in the port city of Saltera on Friday, the fourth day of unrest that began after the government doubled fuel prices overnight.

At least 38 people have been killed since Tuesday, the national health ministry said in a statement, while an opposition monitoring group put the toll at 61. Neither figure could be independently verified.

Interior Minister Ilse Marrov said on state television that 1,240 people had been detained "for looting and attacks on public buildings". "Order will be restored in Saltera by Sunday, whatever it takes," she said.

President Tomas Edvin said he had given a shoot-to-kill order to troops facing "armed bandits", according to a transcript published by his office. A presidential spokesman later said the order applied only to "those who open fire first".

Two hospital workers in Saltera, speaking on condition of anonymity because they feared reprisals, said the main trauma ward had received more than 90 people with gunshot wounds since Wednesday.

The government says the fuel price rise was needed to close a budget gap of 4.2 billion verans. The International Lending Facility, which has been negotiating a loan with Verano, said it had "not requested any specific subsidy cut".

Internet access in Saltera has been cut since Thursday, according to the monitoring service NetWatch Verano, making it difficult to confirm reports from the city.
`;
