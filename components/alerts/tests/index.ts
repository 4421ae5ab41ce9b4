export { RuleTestsSection, type RuleTestsSectionProps } from "./rule-tests-section";
