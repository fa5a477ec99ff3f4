// Same three measurements as StatesBenchmark.java, against the Node peer aws-local-stepfunctions@3.0.0.
// Run from a scratch folder: npm install aws-local-stepfunctions@3.0.0 node@22.23.3 &&
//   ./node_modules/.bin/node --expose-gc peer-bench.mjs 10000 10000 100000
import { StateMachine } from 'aws-local-stepfunctions';
const loop = Number(process.argv[2] ?? 10000), items = Number(process.argv[3] ?? 10000), parked = Number(process.argv[4] ?? 100000);
const loopDef = {StartAt: 'Check', States: {
  Check: {Type: 'Choice', Choices: [{Variable: '$.i', NumericLessThanPath: '$.n', Next: 'Inc'}], Default: 'Done'},
  Inc: {Type: 'Pass', Parameters: {'i.$': 'States.MathAdd($.i, 1)', 'n.$': '$.n'}, Next: 'Check'},
  Done: {Type: 'Succeed'}}};
const mapDef = {StartAt: 'M', States: {M: {Type: 'Map', MaxConcurrency: 0, ResultPath: null, End: true,
  ItemProcessor: {StartAt: 'P', States: {P: {Type: 'Pass', Parameters: {'v.$': '$.i'}, End: true}}}}}};
async function time(def, input, states, label) {
  const sm = new StateMachine(def, {validationOptions: {checkArn: false, checkPaths: false}});
  const t0 = process.hrtime.bigint();
  await sm.run(input).result;
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`${label.padEnd(22)} ${String(states).padStart(8)} states in ${ms.toFixed(1).padStart(7)} ms = ${(states / (ms / 1000)).toFixed(0).padStart(10)} states/s`);
}
for (let r = 0; r < 3; r++) {
  await time(loopDef, {i: 0, n: loop}, loop * 2 + 1, 'pass/choice loop');
  await time(mapDef, Array.from({length: items}, (_, i) => ({i})), items + 2, `map ${items} items`);
}
const taskDef = {StartAt: 'T', States: {T: {Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:x', End: true}}};
const sm = new StateMachine(taskDef, {validationOptions: {checkArn: false, checkPaths: false}});
global.gc?.(); global.gc?.();
const before = process.memoryUsage().heapUsed;
const t0 = process.hrtime.bigint();
const execs = [];
for (let i = 0; i < parked; i++) {
  execs.push(sm.run({order: 'o-' + i}, {overrides: {taskResourceLocalHandlers: {T: () => new Promise(() => {})}}}));
}
await new Promise(r => setTimeout(r, 100));
global.gc?.(); global.gc?.();
const after = process.memoryUsage().heapUsed;
console.log(`parked ${parked} executions in ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s; retained heap ${after - before} bytes = ${((after - before) / parked).toFixed(0)} bytes/execution`);
process.exit(0);
