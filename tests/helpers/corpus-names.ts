/**
 * Names a maintainer of each corpus file expects to find untranslated, of every kind the names
 * finder knows: lexicon brands, capitals mid-sentence, multi-word names, commands, identifier shapes.
 */
export const expectedNames: Readonly<Record<string, readonly string[]>> = {
  'lpic-305-300.md': [
    'Docker Swarm',
    'Docker Compose',
    'Docker Engine',
    'Red Hat',
    'Red Hat Enterprise Linux',
    'Windows',
    'Harbor',
    'Helm',
    'Swarm',
    'Open vSwitch',
    'BSD Jails',
    'QEMU Guest Agent',
    'Vagrant',
    'Xen',
    'Kubernetes',
    'Proxmox',
    'containerd',
    'Podman',
    'Terraform',
    'PSScriptAnalyzer',
    'vm.clone_directory',
    'cpuid.coresPerSocket',
    'net\\_admin',
    'cloud.cfg',
    '4.x',
    'configs/network',
    'E:\\\\Servers\\\\VMWare\\\\#{VM_NAME}-instance-1',
  ],
  'public-apis.md': ['Nager.Date', 'OCR.Space', 'GitHub', 'REST API'],
  'awesome.md': ['Node.js', 'Markdown'],
  'best-readme-template.md': ['GitHub', 'npm', 'README'],
};
