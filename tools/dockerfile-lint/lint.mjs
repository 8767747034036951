// Lints a Dockerfile: the validator of dockerfile-utils (the one behind VS Code's Docker support: unknown
// instructions, bad flags, malformed JSON forms, duplicate CMD/ENTRYPOINT/HEALTHCHECK, relative WORKDIR…),
// then the deployment rules of issue #12 over dockerfile-ast's parse of the same file:
//   BZ001 multi-stage: an SDK stage builds, a later stage runs what it copies from it
//   BZ002 the final stage runs as a non-root USER
//   BZ003 every base image names a tag (not "latest") or a digest
//   BZ004 no secret in ENV or ARG (passwords, tokens, keys, connection strings with a password)
//   BZ005 the final stage has a HEALTHCHECK
// Usage: node lint.mjs PATH   → prints "PATH:LINE: CODE message" per problem and exits 1, or prints a summary and exits 0.
import { readFileSync } from 'node:fs';
import { validate, ValidationSeverity } from 'dockerfile-utils';
import { DockerfileParser } from 'dockerfile-ast';

const path = process.argv[2];
if (!path) {
    console.error('usage: node lint.mjs PATH/TO/Dockerfile');
    process.exit(2);
}

const content = readFileSync(path, 'utf8');
const problems = [];
const report = (range, code, message) => problems.push(`${path}:${(range?.start.line ?? 0) + 1}: ${code} ${message}`);

// Every check of the validator reported, including those it ignores by default.
const everything = Object.fromEntries([
    'deprecatedMaintainer', 'directiveCasing', 'emptyContinuationLine', 'instructionCasing', 'instructionCmdMultiple',
    'instructionEntrypointMultiple', 'instructionHealthcheckMultiple', 'instructionJSONInSingleQuotes', 'instructionWorkdirRelative',
].map(setting => [setting, ValidationSeverity.WARNING]));
for (const d of validate(content, everything)) {
    report(d.range, `DU${d.code ?? ''}`, d.message);
}

const dockerfile = DockerfileParser.parse(content);
const froms = dockerfile.getFROMs();
const stageNames = new Set(froms.map(f => f.getBuildStage()?.toLowerCase()).filter(Boolean));

if (froms.length < 2) {
    report(froms[0]?.getRange(), 'BZ001', 'single stage: build in an SDK stage and copy the output into a runtime stage');
}

for (const from of froms) {
    const image = from.getImageName();
    if (!image || stageNames.has(image.toLowerCase())) {
        continue; // a previous stage, not a base image
    }

    const tag = from.getImageTag();
    if (!from.getImageDigest() && (!tag || tag === 'latest')) {
        report(from.getRange(), 'BZ003', `base image "${image}" is not pinned to a tag or digest`);
    }
}

const instructions = dockerfile.getInstructions();
const lastFrom = froms.at(-1);
const finalStage = lastFrom ? instructions.filter(i => i.getRange().start.line > lastFrom.getRange().start.line) : [];
if (froms.length >= 2) {
    if (/\/sdk(:|$)/.test(lastFrom.getImageName() ?? '')) {
        report(lastFrom.getRange(), 'BZ001', 'the final stage is an SDK image: run on a runtime image');
    }

    const fromStage = i => i.getFlags().some(f => f.getName() === 'from' && stageNames.has(f.getValue()?.toLowerCase()));
    if (!finalStage.some(i => i.getKeyword() === 'COPY' && fromStage(i))) {
        report(lastFrom.getRange(), 'BZ001', 'the final stage copies nothing from a build stage (COPY --from=…)');
    }
}

const users = finalStage.filter(i => i.getKeyword() === 'USER');
const user = users.at(-1)?.getArgumentsContent()?.trim().split(':')[0];
if (!user) {
    report(lastFrom?.getRange(), 'BZ002', 'the final stage has no USER: the app would run as root');
} else if (user === 'root' || user === '0') {
    report(users.at(-1).getRange(), 'BZ002', `the final stage runs as ${user}`);
}

const secretName = /(PASSW(OR)?D|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL)/i;
for (const i of instructions.filter(i => i.getKeyword() === 'ENV' || i.getKeyword() === 'ARG')) {
    for (const p of i.getProperties?.() ?? []) {
        const value = p.getValue() ?? '';
        if ((secretName.test(p.getName()) && value !== '') || /password\s*=/i.test(value)) {
            report(i.getRange(), 'BZ004', `${i.getKeyword()} ${p.getName()} carries a secret: pass it at run time`);
        }
    }
}

if (!finalStage.some(i => i.getKeyword() === 'HEALTHCHECK')) {
    report(lastFrom?.getRange(), 'BZ005', 'the final stage has no HEALTHCHECK');
}

if (problems.length > 0) {
    console.log(problems.join('\n'));
    process.exit(1);
}

console.log(`${path}: ${froms.length} stages, ${instructions.length} instructions, no problem`);
