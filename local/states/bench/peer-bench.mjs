// The workloads of StatesBenchmark.java, on the Node peer aws-local-stepfunctions@3.0.0 (pinned in
// package.json next to this file). Run through vs-peer.sh, or after `npm ci` in this folder:
//   ./node_modules/.bin/node --expose-gc peer-bench.mjs --warmup 5 --rounds 5
// Prints one line per measured round and `RESULT <name> <median> <min> <max>` (states/s) per
// workload, then `RESULT parked-bytes <n>`.
import { StateMachine } from 'aws-local-stepfunctions';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const rounds = Number(arg('--rounds', 5)), warmup = Number(arg('--warmup', 5));
const loop = Number(arg('--loop', 10000)), items = Number(arg('--items', 10000));
const small = Number(arg('--small', 10000)), parked = Number(arg('--parked', 100000));
const only = arg('--only', 'loop,map,seq,burst,parked').split(',');
const options = {validationOptions: {checkArn: false, checkPaths: false}};

const loopDef = {StartAt: 'Check', States: {
  Check: {Type: 'Choice', Choices: [{Variable: '$.i', NumericLessThanPath: '$.n', Next: 'Inc'}], Default: 'Done'},
  Inc: {Type: 'Pass', Parameters: {'i.$': 'States.MathAdd($.i, 1)', 'n.$': '$.n'}, Next: 'Check'},
  Done: {Type: 'Succeed'}}};
const mapDef = {StartAt: 'M', States: {M: {Type: 'Map', MaxConcurrency: 0, ResultPath: null, End: true,
  ItemProcessor: {StartAt: 'P', States: {P: {Type: 'Pass', Parameters: {'v.$': '$.i'}, End: true}}}}}};
// Five states per execution: Pass, Task (mocked: answers its input at once), Choice, Pass, Succeed.
const smallDef = {StartAt: 'Prepare', States: {
  Prepare: {Type: 'Pass', Parameters: {'order.$': '$.order', qty: 2}, Next: 'Charge'},
  Charge: {Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:charge', ResultPath: '$.charge', Next: 'Check'},
  Check: {Type: 'Choice', Choices: [{Variable: '$.qty', NumericGreaterThan: 0, Next: 'Ship'}], Default: 'Reject'},
  Ship: {Type: 'Pass', Result: 'shipped', ResultPath: '$.status', Next: 'Done'},
  Reject: {Type: 'Fail', Error: 'Rejected'},
  Done: {Type: 'Succeed'}}};
const mocked = {overrides: {taskResourceLocalHandlers: {Charge: async (input) => input}}};
const itemsInput = Array.from({length: items}, (_, i) => ({i}));

async function one(def, input) {
  const sm = new StateMachine(def, options);
  const t0 = process.hrtime.bigint();
  await sm.run(input).result;
  return process.hrtime.bigint() - t0;
}

async function sequential() {
  const sm = new StateMachine(smallDef, options);
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < small; i++) {
    await sm.run({order: 'o-' + i}, mocked).result;
  }
  return process.hrtime.bigint() - t0;
}

async function burst() {
  const sm = new StateMachine(smallDef, options);
  const t0 = process.hrtime.bigint();
  const runs = [];
  for (let i = 0; i < small; i++) {
    runs.push(sm.run({order: 'o-' + i}, mocked).result);
  }
  await Promise.all(runs);
  return process.hrtime.bigint() - t0;
}

async function measure(name, states, work) {
  for (let i = 0; i < warmup; i++) {
    await work();
  }
  const rates = [];
  for (let i = 0; i < rounds; i++) {
    const ns = await work();
    const rate = states / (Number(ns) / 1e9);
    rates.push(rate);
    console.log(`${name.padEnd(12)} round ${i + 1}: ${rate.toFixed(0).padStart(12)} states/s`);
  }
  rates.sort((a, b) => a - b);
  console.log(`RESULT ${name} ${rates[Math.floor(rounds / 2)].toFixed(0)} ${rates[0].toFixed(0)} ${rates[rounds - 1].toFixed(0)}`);
}

if (only.includes('loop')) await measure('loop', 2 * loop + 1, () => one(loopDef, {i: 0, n: loop}));
if (only.includes('map')) await measure('map', items + 2, () => one(mapDef, itemsInput));
if (only.includes('seq')) await measure('small-seq', 5 * small, sequential);
if (only.includes('burst')) await measure('small-burst', 5 * small, burst);

if (only.includes('parked')) {
  const taskDef = {StartAt: 'T', States: {T: {Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:x', End: true}}};
  const sm = new StateMachine(taskDef, options);
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
  console.log(`RESULT parked-bytes ${((after - before) / parked).toFixed(0)}`);
}
process.exit(0);
