// The projects area: its pages live in ../work/projects.
export { default } from '../work/projects/ProjectsArea';
